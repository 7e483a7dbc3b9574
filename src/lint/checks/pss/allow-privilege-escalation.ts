import { KUBERNETES, defineCheck, describeContainer, isWindowsPod } from '../../check.js';

export const check = defineCheck({
  id: 'pss/allow-privilege-escalation',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Privilege escalation (setuid, file capabilities) must be disallowed (Pod Security restricted, v1.8+).',
  title: 'privilege escalation allowed',
  severity: 'medium',
  pssLevel: 'restricted',
  since: 8,
  fixable: true,
  references: { cis: ['5.26'], pss: 'restricted: Privilege Escalation', cwe: ['CWE-269'] },
  remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
  evaluate(workload, context) {
    // Windows pods are exempt from v1.25 on.
    if (context.pssVersion >= 25 && isWindowsPod(workload)) return [];
    return workload.containers.flatMap((c) =>
      c.allowPrivilegeEscalation?.value === false
        ? []
        : [{ location: c.allowPrivilegeEscalation?.location ?? c.location, detail: `${describeContainer(c)} does not set allowPrivilegeEscalation: false` }],
    );
  },
});
