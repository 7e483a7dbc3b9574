import { KUBERNETES, defineCheck, describeContainer, isWindowsPod } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'pss/capabilities-restricted',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE (Pod Security restricted, v1.22+).',
  title: 'capabilities not dropped',
  severity: 'medium',
  pssLevel: 'restricted',
  since: 22,
  fixable: true,
  references: { cis: ['5.4'], pss: 'restricted: Capabilities', cwe: ['CWE-250'] },
  remediation: 'Set securityContext.capabilities.drop: [ALL] and add back at most NET_BIND_SERVICE.',
  evaluate(workload, context) {
    if (context.pssVersion >= 25 && isWindowsPod(workload)) return [];
    const out: Violation[] = [];
    for (const c of workload.containers) {
      if (!c.capDrop.some((cap) => cap.value === 'ALL')) {
        out.push({ location: c.capDrop[0]?.location ?? c.location, detail: `${describeContainer(c)} does not drop ALL capabilities` });
      }
      for (const cap of c.capAdd) {
        if (cap.value !== 'NET_BIND_SERVICE') out.push({ location: cap.location, detail: `${describeContainer(c)} adds ${cap.value}` });
      }
    }
    return out;
  },
});
