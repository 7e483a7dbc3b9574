// Public entry of the versioning domain (`rampart/versioning`).
export { compareVersions, getVersionScheme } from './compare-versions.js';
export { versionSchemes } from './version-schemes.js';
export { defineVersionScheme, schemeIds } from './version-scheme.js';
export type { Ordering, SchemeId, VersionScheme } from './version-scheme.js';
export { apkFuzzyMatch } from './apk.js';
export { satisfiesSemverRange } from './semver.js';
export { normalizeGoVersion } from './go.js';
