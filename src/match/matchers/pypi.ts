import { defineMatcher } from '../matcher.js';

export const pypi = defineMatcher({
  id: 'pypi',
  version: 1,
  description: 'PyPI packages (PEP 440 ordering, PEP 503 names)',
  ecosystems: ['PyPI'],
  scheme: 'pep440',
});
