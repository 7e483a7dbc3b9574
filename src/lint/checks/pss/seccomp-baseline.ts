import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

export const check = defineCheck({
  id: 'pss/seccomp-baseline',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'The seccomp profile must not be explicitly set to Unconfined (Pod Security baseline).',
  title: 'seccomp unconfined',
  severity: 'high',
  pssLevel: 'baseline',
  since: 0,
  fixable: true,
  references: { cis: ['5.22'], pss: 'baseline: Seccomp', cwe: ['CWE-693'] },
  remediation: 'Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost).',
  evaluate(workload, context) {
    const out: Violation[] = [];
    if (context.pssVersion < 19) {
      // Before v1.19 the profile lived in annotations.
      for (const annotation of workload.annotations) {
        const { key, value } = annotation.value;
        if ((key === POD_ANNOTATION || key.startsWith(CONTAINER_ANNOTATION)) && value === 'unconfined') {
          out.push({ location: annotation.location, detail: `annotation ${key}=${value}` });
        }
      }
      return out;
    }
    const settings = [{ who: 'pod', profile: workload.pod.seccomp }, ...workload.containers.map((c) => ({ who: describeContainer(c), profile: c.seccomp }))];
    for (const { who, profile } of settings) {
      if (profile?.value.type === 'Unconfined') out.push({ location: profile.location, detail: `${who} sets seccompProfile.type Unconfined` });
    }
    return out;
  },
});
