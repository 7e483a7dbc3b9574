import { defineMatcher } from '../matcher.js';

export const rubygems = defineMatcher({
  id: 'rubygems',
  version: 1,
  description: 'RubyGems (Gem::Version ordering)',
  ecosystems: ['RubyGems'],
  scheme: 'gem',
});
