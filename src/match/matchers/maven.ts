import { defineMatcher } from '../matcher.js';

export const maven = defineMatcher({
  id: 'maven',
  version: 1,
  description: 'Maven artifacts (groupId:artifactId, ComparableVersion ordering)',
  ecosystems: ['Maven'],
  scheme: 'maven',
});
