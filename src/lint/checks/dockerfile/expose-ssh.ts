import { BUILD_SOURCES, defineCheck } from '../../check.js';
import { finalStageInstructions } from '../../dockerfile-instructions.js';

export const check = defineCheck({
  id: 'dockerfile/expose-ssh',
  version: 1,
  scope: 'workload',
  sources: BUILD_SOURCES,
  description: 'Containers should not run an SSH server (port 22).',
  title: 'SSH port exposed',
  severity: 'low',
  fixable: false,
  references: { cis: ['5.7'], cwe: ['CWE-284'] },
  remediation: 'Remove EXPOSE 22 and the SSH daemon; use docker exec / kubectl exec for access.',
  evaluate(workload) {
    return finalStageInstructions(workload)
      .filter((i) => i.keyword === 'EXPOSE' && i.args.split(/\s+/).some((p) => /^22(\/tcp)?$/.test(p)))
      .map((i) => ({ location: i.location, detail: 'EXPOSE 22' }));
  },
});
