import { defineCheck } from '../../check.js';
import { SHELLS, programsIn } from '../../image-files.js';

export const check = defineCheck({
  id: 'image/no-shell',
  version: 1,
  scope: 'workload',
  sources: ['image'],
  description: 'The final image should not contain a shell: it lets an attacker who gets code execution run arbitrary commands.',
  title: 'shell in image',
  severity: 'low',
  fixable: false,
  references: { cis: ['4.3'], cwe: ['CWE-1104'] },
  remediation: 'Build the final stage FROM a distroless or scratch base and copy only the binary and its runtime files.',
  evaluate(workload) {
    return programsIn(workload.imageFiles ?? [], SHELLS).map((f) => ({ location: f.location, detail: `${f.value.path}${f.value.kind === 'symlink' ? ' (symlink)' : ''}` }));
  },
});
