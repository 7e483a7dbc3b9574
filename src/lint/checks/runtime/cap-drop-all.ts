import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/cap-drop-all',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'Containers must drop all capabilities and add back only what they need.',
  title: 'capabilities not dropped',
  severity: 'medium',
  fixable: true,
  references: { cis: ['5.4'], pss: 'restricted: Capabilities', cwe: ['CWE-250'] },
  remediation: 'Add --cap-drop=ALL (cap_drop: [ALL]) and --cap-add only the capabilities the process needs.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.capDrop.some((cap) => cap.value === 'ALL') ? [] : [{ location: c.capDrop[0]?.location ?? c.location, detail: `${describeContainer(c)} does not drop ALL capabilities` }],
    );
  },
});
