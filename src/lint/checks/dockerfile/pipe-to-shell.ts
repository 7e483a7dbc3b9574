import { BUILD_SOURCES, defineCheck } from '../../check.js';
import { allInstructions, runText } from '../../dockerfile-instructions.js';

export const check = defineCheck({
  id: 'dockerfile/pipe-to-shell',
  version: 1,
  scope: 'workload',
  sources: BUILD_SOURCES,
  description: 'Piping a download straight into a shell runs unverified code.',
  title: 'download piped to a shell',
  severity: 'medium',
  fixable: false,
  references: { cwe: ['CWE-494'] },
  remediation: 'Download to a file, verify its checksum or signature, then run it.',
  evaluate(workload) {
    return allInstructions(workload)
      .filter((i) => i.keyword === 'RUN' && /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b/.test(runText(i)))
      .map((i) => ({ location: i.location, detail: 'RUN pipes curl/wget output into a shell' }));
  },
});
