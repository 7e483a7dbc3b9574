import { defineMatcher } from '../matcher.js';

export const almalinux = defineMatcher({
  id: 'almalinux',
  version: 1,
  description: 'AlmaLinux RPMs: source RPM names, per major release (AlmaLinux:9)',
  ecosystems: ['AlmaLinux'],
  scheme: 'rpm',
  bySource: true,
  release: (r) => /^(\d+)/.exec(r)?.[1],
});
