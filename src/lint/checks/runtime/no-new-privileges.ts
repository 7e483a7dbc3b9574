import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/no-new-privileges',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'Containers must not gain privileges through setuid binaries or file capabilities.',
  title: 'privilege escalation allowed',
  severity: 'medium',
  fixable: true,
  references: { cis: ['5.26'], pss: 'restricted: Privilege Escalation', cwe: ['CWE-269'] },
  remediation: 'Add --security-opt no-new-privileges (security_opt: [no-new-privileges:true]).',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.allowPrivilegeEscalation?.value === false
        ? []
        : [{ location: c.allowPrivilegeEscalation?.location ?? c.location, detail: `${describeContainer(c)} does not set no-new-privileges` }],
    );
  },
});
