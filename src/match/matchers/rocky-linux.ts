import { defineMatcher } from '../matcher.js';

export const rockyLinux = defineMatcher({
  id: 'rocky-linux',
  version: 1,
  description: 'Rocky Linux RPMs: source RPM names, per major release (Rocky Linux:9)',
  ecosystems: ['Rocky Linux'],
  scheme: 'rpm',
  bySource: true,
  release: (r) => /^(\d+)/.exec(r)?.[1],
});
