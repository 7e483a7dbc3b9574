import { defineCheck } from '../../check.js';
import { isWorldWritableDir } from '../../image-files.js';

export const check = defineCheck({
  id: 'image/world-writable-dirs',
  version: 1,
  scope: 'workload',
  sources: ['image'],
  description: 'World-writable directories without the sticky bit let any user replace others\' files.',
  title: 'world-writable directory in image',
  severity: 'low',
  fixable: false,
  references: { cwe: ['CWE-732'] },
  remediation: 'chmod o-w the directory, or add the sticky bit (chmod +t) for shared scratch directories like /tmp.',
  evaluate(workload) {
    return (workload.imageFiles ?? [])
      .filter((f) => isWorldWritableDir(f.value))
      .map((f) => ({ location: f.location, detail: `${f.value.path} mode ${(f.value.mode & 0o7777).toString(8).padStart(4, '0')}` }));
  },
});
