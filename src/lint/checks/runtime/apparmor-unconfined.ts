import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/apparmor-unconfined',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'The AppArmor (or SELinux) confinement must not be disabled.',
  title: 'mandatory access control disabled',
  severity: 'medium',
  fixable: true,
  references: { cis: ['5.2', '5.3'], pss: 'baseline: AppArmor', cwe: ['CWE-693'] },
  remediation: 'Remove --security-opt apparmor=unconfined and label=disable.',
  evaluate(workload) {
    return workload.containers.flatMap((c) => [
      ...(c.appArmor?.value.type === 'Unconfined' ? [{ location: c.appArmor.location, detail: `${describeContainer(c)} runs apparmor=unconfined` }] : []),
      ...(c.seLinux?.value.type === 'spc_t' ? [{ location: c.seLinux.location, detail: `${describeContainer(c)} disables SELinux labels` }] : []),
    ]);
  },
});
