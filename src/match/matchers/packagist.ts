import { defineMatcher } from '../matcher.js';

export const packagist = defineMatcher({
  id: 'packagist',
  version: 1,
  description: 'Packagist / Composer (PHP version_compare on Composer-normalised versions)',
  ecosystems: ['Packagist'],
  scheme: 'composer',
});
