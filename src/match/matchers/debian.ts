import { defineMatcher } from '../matcher.js';

export const debian = defineMatcher({
  id: 'debian',
  version: 1,
  description: 'Debian packages: advisories name source packages, per release (Debian:12)',
  ecosystems: ['Debian'],
  scheme: 'dpkg',
  bySource: true,
  release: (r) => /^(\d+)/.exec(r)?.[1] ?? (r === 'sid' || r === 'unstable' ? 'unstable' : undefined),
});
