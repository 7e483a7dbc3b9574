import { defineCheck, describeContainer } from '../../check.js';
import { userVerdict } from '../../user-identity.js';

export const check = defineCheck({
  id: 'runtime/non-root-user',
  version: 1,
  scope: 'workload',
  sources: ['compose', 'docker-run', 'dockerfile', 'image', 'container'],
  description: 'Containers must run as a non-root user.',
  title: 'runs as root',
  severity: 'medium',
  fixable: true,
  references: { cis: ['4.1'], pss: 'restricted: Running as Non-root', cwe: ['CWE-250'] },
  remediation: 'Run as an unprivileged user: --user 65534:65534 (docker run), user: (compose), USER 65534 (Dockerfile final stage).',
  evaluate(workload) {
    return workload.containers.flatMap((c) => {
      const verdict = userVerdict(c);
      if (verdict === 'non-root') return [];
      const detail = verdict === 'root' ? `${describeContainer(c)} runs as ${c.user?.value ?? 'UID 0'}` : `${describeContainer(c)} sets no user (the image default, root unless it sets USER)`;
      return [{ location: c.user?.location ?? c.location, detail }];
    });
  },
});
