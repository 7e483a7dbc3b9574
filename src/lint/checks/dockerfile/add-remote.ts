import { defineCheck } from '../../check.js';
import { allInstructions } from '../../dockerfile-instructions.js';

export const check = defineCheck({
  id: 'dockerfile/add-remote',
  version: 1,
  scope: 'workload',
  sources: ['dockerfile'],
  description: 'ADD fetches URLs and unpacks archives implicitly; COPY does only what it says.',
  title: 'ADD instead of COPY',
  severity: 'low',
  fixable: true,
  references: { cis: ['4.9'], cwe: ['CWE-494'] },
  remediation: 'Use COPY for local files; download with a checksum-verified RUN step (or ADD --checksum=) for URLs.',
  evaluate(workload) {
    return allInstructions(workload)
      .filter((i) => i.keyword === 'ADD' && !i.flags.some((f) => f.startsWith('--checksum')))
      .map((i) => ({ location: i.location, detail: `ADD ${i.args}` }));
  },
});
