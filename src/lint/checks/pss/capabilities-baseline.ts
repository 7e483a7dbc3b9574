import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';

const ALLOWED = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export const check = defineCheck({
  id: 'pss/capabilities-baseline',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Adding capabilities beyond the default set must be disallowed (Pod Security baseline).',
  title: 'non-default capability added',
  severity: 'high',
  pssLevel: 'baseline',
  since: 0,
  fixable: true,
  references: { cis: ['5.4'], pss: 'baseline: Capabilities', cwe: ['CWE-250'] },
  remediation: 'Remove the capability from securityContext.capabilities.add.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.capAdd.filter((cap) => !ALLOWED.has(cap.value)).map((cap) => ({ location: cap.location, detail: `${describeContainer(c)} adds ${cap.value}` })),
    );
  },
});
