import { defineCheck } from '../../check.js';
import { isSetuidOrSetgid } from '../../image-files.js';

export const check = defineCheck({
  id: 'image/setuid-files',
  version: 1,
  scope: 'workload',
  sources: ['image'],
  description: 'setuid/setgid files let a process gain the file owner\'s privileges.',
  title: 'setuid/setgid file in image',
  severity: 'medium',
  fixable: false,
  references: { cis: ['4.8'], cwe: ['CWE-250'] },
  remediation: 'Remove the setuid/setgid bits in the final stage (chmod a-s) or drop the binaries; run with no-new-privileges.',
  evaluate(workload) {
    return (workload.imageFiles ?? [])
      .filter((f) => isSetuidOrSetgid(f.value))
      .map((f) => ({ location: f.location, detail: `${f.value.path} mode ${(f.value.mode & 0o7777).toString(8).padStart(4, '0')}` }));
  },
});
