import { defineMatcher } from '../matcher.js';

export const go = defineMatcher({
  id: 'go',
  version: 1,
  description: 'Go modules (semver with +incompatible and pseudo-versions)',
  ecosystems: ['Go'],
  scheme: 'go',
});
