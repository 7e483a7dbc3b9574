import { RUNTIME_SOURCES, defineCheck } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/host-namespaces',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: "Containers must not share the host's network, PID, IPC, UTS or user namespace.",
  title: 'host namespace shared',
  severity: 'high',
  fixable: true,
  references: { cis: ['5.10', '5.16', '5.17', '5.21', '5.31'], pss: 'baseline: Host Namespaces', cwe: ['CWE-653'] },
  remediation: 'Remove --network host, --pid host, --ipc host, --uts host and --userns host.',
  evaluate(workload) {
    const out: Violation[] = [];
    const fields = [['network', workload.hostNetwork], ['pid', workload.hostPID], ['ipc', workload.hostIPC], ['uts', workload.hostUTS], ['userns', workload.hostUsers]] as const;
    for (const [name, value] of fields) {
      if (value?.value === true) out.push({ location: value.location, detail: `--${name} host` });
    }
    return out;
  },
});
