import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'pss/host-probes',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Probes and lifecycle handlers must not target another host (Pod Security baseline, v1.34+).',
  title: 'probe or lifecycle handler targets a host',
  severity: 'medium',
  pssLevel: 'baseline',
  since: 34,
  fixable: false,
  references: { pss: 'baseline: Probes and Lifecycle Hooks', cwe: ['CWE-918'] },
  remediation: 'Remove the host field from httpGet/tcpSocket probes and lifecycle handlers.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.handlerHosts
        .filter((h) => h.value.host !== '')
        .map((h) => ({ location: h.location, detail: `${describeContainer(c)} ${h.value.handler}.host is ${h.value.host}` })),
    );
  },
});
