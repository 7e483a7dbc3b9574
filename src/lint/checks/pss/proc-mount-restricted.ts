import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'pss/proc-mount-restricted',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'The default /proc masks must be kept even in user-namespaced pods (Pod Security restricted, v1.35+).',
  title: 'unmasked /proc',
  severity: 'medium',
  pssLevel: 'restricted',
  since: 35,
  fixable: true,
  references: { pss: 'restricted: /proc Mount Type', cwe: ['CWE-200'] },
  remediation: 'Remove securityContext.procMount or set it to Default.',
  evaluate(workload) {
    // Without a user namespace pss/proc-mount already reports the same fields.
    if (workload.hostUsers?.value !== false) return [];
    return workload.containers.flatMap((c) =>
      c.procMount !== undefined && c.procMount.value !== 'Default'
        ? [{ location: c.procMount.location, detail: `${describeContainer(c)} sets procMount ${c.procMount.value}` }]
        : [],
    );
  },
});
