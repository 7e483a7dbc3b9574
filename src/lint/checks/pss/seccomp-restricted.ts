import { KUBERNETES, defineCheck, describeContainer, isWindowsPod } from '../../check.js';
import type { Violation } from '../../check.js';

const ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

export const check = defineCheck({
  id: 'pss/seccomp-restricted',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'The seccomp profile must be RuntimeDefault or Localhost (Pod Security restricted, v1.19+).',
  title: 'seccomp profile not set',
  severity: 'medium',
  pssLevel: 'restricted',
  since: 19,
  fixable: true,
  references: { cis: ['5.22'], pss: 'restricted: Seccomp', cwe: ['CWE-693'] },
  remediation: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
  evaluate(workload, context) {
    if (context.pssVersion >= 25 && isWindowsPod(workload)) return [];
    const out: Violation[] = [];
    const pod = workload.pod.seccomp;
    const podOk = pod !== undefined && ALLOWED.has(pod.value.type);
    if (pod !== undefined && !podOk) out.push({ location: pod.location, detail: `pod sets seccompProfile.type ${pod.value.type}` });
    for (const c of workload.containers) {
      if (c.seccomp !== undefined) {
        if (!ALLOWED.has(c.seccomp.value.type)) out.push({ location: c.seccomp.location, detail: `${describeContainer(c)} sets seccompProfile.type ${c.seccomp.value.type}` });
      } else if (!podOk) {
        out.push({ location: c.location, detail: `neither the pod nor ${describeContainer(c)} sets seccompProfile.type RuntimeDefault or Localhost` });
      }
    }
    return out;
  },
});
