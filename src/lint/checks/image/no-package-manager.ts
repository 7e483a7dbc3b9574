import { defineCheck } from '../../check.js';
import { PACKAGE_MANAGERS, programsIn } from '../../image-files.js';

export const check = defineCheck({
  id: 'image/no-package-manager',
  version: 1,
  scope: 'workload',
  sources: ['image'],
  description: 'The final image should not contain a package manager: it lets an attacker install tools inside a running container.',
  title: 'package manager in image',
  severity: 'low',
  fixable: false,
  references: { cis: ['4.3'], cwe: ['CWE-1104'] },
  remediation: 'Remove the package manager in the final stage (multi-stage build onto a distroless or scratch base).',
  evaluate(workload) {
    return programsIn(workload.imageFiles ?? [], PACKAGE_MANAGERS).map((f) => ({ location: f.location, detail: `${f.value.path}${f.value.kind === 'symlink' ? ' (symlink)' : ''}` }));
  },
});
