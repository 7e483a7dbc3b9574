import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/privileged',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'Containers must not run privileged.',
  title: 'privileged container',
  severity: 'critical',
  fixable: true,
  references: { cis: ['5.5'], pss: 'baseline: Privileged Containers', cwe: ['CWE-250'] },
  remediation: 'Remove --privileged (privileged: true); add only the specific capability or device needed.',
  evaluate(workload) {
    return workload.containers.flatMap((c) => (c.privileged?.value === true ? [{ location: c.privileged.location, detail: `${describeContainer(c)} is privileged` }] : []));
  },
});
