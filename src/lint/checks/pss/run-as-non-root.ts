import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'pss/run-as-non-root',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Containers must be required to run as non-root users (Pod Security restricted).',
  title: 'may run as root',
  severity: 'medium',
  pssLevel: 'restricted',
  since: 0,
  fixable: true,
  references: { cis: ['4.1'], pss: 'restricted: Running as Non-root', cwe: ['CWE-250'] },
  remediation: 'Set securityContext.runAsNonRoot: true on the pod (and never false on a container).',
  evaluate(workload) {
    const out: Violation[] = [];
    const pod = workload.pod.runAsNonRoot;
    if (pod?.value === false) out.push({ location: pod.location, detail: 'pod sets runAsNonRoot: false' });
    for (const c of workload.containers) {
      if (c.runAsNonRoot?.value === false) {
        out.push({ location: c.runAsNonRoot.location, detail: `${describeContainer(c)} sets runAsNonRoot: false` });
      } else if (c.runAsNonRoot === undefined && pod?.value !== true) {
        out.push({ location: c.location, detail: `neither the pod nor ${describeContainer(c)} sets runAsNonRoot: true` });
      }
    }
    return out;
  },
});
