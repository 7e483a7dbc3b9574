import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'pss/proc-mount',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'The default /proc masks must be kept, except in user-namespaced pods from v1.35 (Pod Security baseline).',
  title: 'unmasked /proc',
  severity: 'medium',
  pssLevel: 'baseline',
  since: 0,
  fixable: true,
  references: { pss: 'baseline: /proc Mount Type', cwe: ['CWE-200'] },
  remediation: 'Remove securityContext.procMount or set it to Default.',
  evaluate(workload, context) {
    // From v1.35 the baseline allows any procMount when the pod runs in a user namespace.
    if (context.pssVersion >= 35 && workload.hostUsers?.value === false) return [];
    return workload.containers.flatMap((c) =>
      c.procMount !== undefined && c.procMount.value !== 'Default'
        ? [{ location: c.procMount.location, detail: `${describeContainer(c)} sets procMount ${c.procMount.value}` }]
        : [],
    );
  },
});
