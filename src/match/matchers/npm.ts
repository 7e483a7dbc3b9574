import { defineMatcher } from '../matcher.js';

export const npm = defineMatcher({
  id: 'npm',
  version: 1,
  description: 'npm packages (semver ranges)',
  ecosystems: ['npm'],
  scheme: 'semver',
});
