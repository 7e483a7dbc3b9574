import { defineMatcher } from '../matcher.js';

export const cratesIo = defineMatcher({
  id: 'crates-io',
  version: 1,
  description: 'Rust crates from crates.io (SemVer)',
  ecosystems: ['crates.io'],
  scheme: 'cargo',
});
