import { defineCheck } from '../../check.js';
import { DEBUG_TOOLS, programsIn } from '../../image-files.js';

export const check = defineCheck({
  id: 'image/no-debug-tools',
  version: 1,
  scope: 'workload',
  sources: ['image'],
  description: 'The final image should not contain debug or network tool: it help an attacker move laterally or exfiltrate data.',
  title: 'debug or network tool in image',
  severity: 'low',
  fixable: false,
  references: { cis: ['4.3'], cwe: ['CWE-1104'] },
  remediation: 'Drop curl, wget, netcat, strace and similar tools from the final image; use ephemeral debug containers instead.',
  evaluate(workload) {
    return programsIn(workload.imageFiles ?? [], DEBUG_TOOLS).map((f) => ({ location: f.location, detail: `${f.value.path}${f.value.kind === 'symlink' ? ' (symlink)' : ''}` }));
  },
});
