import { defineMatcher } from '../matcher.js';

export const wolfi = defineMatcher({
  id: 'wolfi',
  version: 1,
  description: 'Wolfi packages (rolling, one release), origin package names',
  ecosystems: ['Wolfi'],
  scheme: 'apk',
  bySource: true,
});
