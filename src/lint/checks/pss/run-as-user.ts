import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'pss/run-as-user',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Containers must not set runAsUser to 0 (Pod Security restricted, v1.23+).',
  title: 'runs as UID 0',
  severity: 'high',
  pssLevel: 'restricted',
  since: 23,
  fixable: true,
  references: { cis: ['4.1'], pss: 'restricted: Running as Non-root user', cwe: ['CWE-250'] },
  remediation: 'Set runAsUser to a non-zero UID, or remove it and rely on the image USER with runAsNonRoot: true.',
  evaluate(workload) {
    const out: Violation[] = [];
    const settings = [{ who: 'pod', uid: workload.pod.runAsUser }, ...workload.containers.map((c) => ({ who: describeContainer(c), uid: c.runAsUser }))];
    for (const { who, uid } of settings) {
      if (uid?.value === 0) out.push({ location: uid.location, detail: `${who} sets runAsUser: 0` });
    }
    return out;
  },
});
