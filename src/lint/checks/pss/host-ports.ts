import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'pss/host-ports',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'HostPorts should be disallowed entirely (Pod Security baseline).',
  title: 'host port used',
  severity: 'medium',
  pssLevel: 'baseline',
  since: 0,
  fixable: true,
  references: { pss: 'baseline: Host Ports', cwe: ['CWE-653'] },
  remediation: 'Remove hostPort from container ports; expose the pod through a Service instead.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.hostPorts.filter((p) => p.value !== 0).map((p) => ({ location: p.location, detail: `${describeContainer(c)} uses hostPort ${p.value}` })),
    );
  },
});
