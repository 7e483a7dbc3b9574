import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/seccomp-unconfined',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'The default seccomp profile must not be disabled.',
  title: 'seccomp unconfined',
  severity: 'high',
  fixable: true,
  references: { cis: ['5.22'], pss: 'baseline: Seccomp', cwe: ['CWE-693'] },
  remediation: 'Remove --security-opt seccomp=unconfined; use the default profile or a custom one.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.seccomp?.value.type === 'Unconfined' ? [{ location: c.seccomp.location, detail: `${describeContainer(c)} runs without seccomp` }] : [],
    );
  },
});
