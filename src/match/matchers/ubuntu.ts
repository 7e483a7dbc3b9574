import { defineMatcher } from '../matcher.js';

export const ubuntu = defineMatcher({
  id: 'ubuntu',
  version: 1,
  description: 'Ubuntu packages: source packages, per release (Ubuntu:22.04, Ubuntu:22.04:LTS; Pro streams excluded)',
  ecosystems: ['Ubuntu'],
  scheme: 'dpkg',
  bySource: true,
  release: (r) => /^(\d+\.\d+)/.exec(r)?.[1],
  // Ubuntu:Pro:* records apply to Ubuntu Pro (ESM) packages only, which carry their own versions.
  sameRelease: (advisory, mine) => !advisory.startsWith('Pro:') && advisory.split(':')[0] === mine,
});
