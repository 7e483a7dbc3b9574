import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'pss/windows-host-process',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Windows HostProcess containers must not be allowed (Pod Security baseline).',
  title: 'Windows HostProcess container',
  severity: 'critical',
  pssLevel: 'baseline',
  since: 0,
  fixable: false,
  references: { pss: 'baseline: HostProcess', cwe: ['CWE-250'] },
  remediation: 'Remove windowsOptions.hostProcess or set it to false.',
  evaluate(workload) {
    const out: Violation[] = [];
    const settings = [{ who: 'pod', value: workload.pod.windowsHostProcess }, ...workload.containers.map((c) => ({ who: describeContainer(c), value: c.windowsHostProcess }))];
    for (const { who, value } of settings) {
      if (value?.value === true) out.push({ location: value.location, detail: `${who} sets windowsOptions.hostProcess: true` });
    }
    return out;
  },
});
