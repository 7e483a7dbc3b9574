import { KUBERNETES, defineCheck } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'pss/host-namespaces',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Sharing the host network, PID or IPC namespace must be disallowed (Pod Security baseline).',
  title: 'host namespace shared',
  severity: 'high',
  pssLevel: 'baseline',
  since: 0,
  fixable: true,
  references: { cis: ['5.10', '5.16', '5.17'], pss: 'baseline: Host Namespaces', cwe: ['CWE-653'] },
  remediation: 'Remove hostNetwork, hostPID and hostIPC or set them to false.',
  evaluate(workload) {
    const out: Violation[] = [];
    for (const [field, value] of [['hostNetwork', workload.hostNetwork], ['hostPID', workload.hostPID], ['hostIPC', workload.hostIPC]] as const) {
      if (value?.value === true) out.push({ location: value.location, detail: `${field}: true` });
    }
    return out;
  },
});
