// Public entry of the versioning domain (`rampart/versioning`).
export { compareVersions, getVersionScheme } from './compare-versions.js';
export { versionSchemes } from './version-schemes.js';
export { defineVersionScheme, schemeIds } from './version-scheme.js';
export type { Ordering, SchemeId, VersionScheme } from './version-scheme.js';
export { apkFuzzyMatch } from './apk.js';
export { satisfiesSemverRange } from './semver.js';
export { normalizeGoVersion } from './go.js';
export {
  filterBySpecifier,
  parsePep440Specifier,
  specifierContains,
  specifierKey,
  specifierPrereleases,
  specifierToString,
} from './pep440-specifier.js';
export type { Pep440Operator, Pep440Specifier } from './pep440-specifier.js';
export {
  combineSpecifierSets,
  filterBySpecifierSet,
  isSpecifierDisjoint,
  isSpecifierSetUnsatisfiable,
  isSpecifierSubset,
  parsePep440SpecifierSet,
  specifierSetContains,
  specifierSetPrereleases,
  specifierSetsEqual,
  specifierSetToString,
} from './pep440-specifier-set.js';
export type { ContainsOptions, Pep440SpecifierSet } from './pep440-specifier-set.js';
export type { PrereleasePolicy } from './pep440-prerelease-filter.js';
