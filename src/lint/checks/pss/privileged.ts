import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'pss/privileged',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Privileged containers disable most isolation (Pod Security baseline).',
  title: 'privileged container',
  severity: 'critical',
  pssLevel: 'baseline',
  since: 0,
  fixable: true,
  references: { cis: ['5.5'], pss: 'baseline: Privileged Containers', cwe: ['CWE-250'] },
  remediation: 'Remove securityContext.privileged or set it to false.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.privileged?.value === true ? [{ location: c.privileged.location, detail: `${describeContainer(c)} sets privileged: true` }] : [],
    );
  },
});
