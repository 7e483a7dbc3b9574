import { defineMatcher } from '../matcher.js';

export const chainguard = defineMatcher({
  id: 'chainguard',
  version: 1,
  description: 'Chainguard OS packages (rolling), origin package names',
  ecosystems: ['Chainguard'],
  scheme: 'apk',
  bySource: true,
});
