import semverLib from 'semver';
import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme } from './version-scheme.js';

/**
 * npm's semver (the `semver` package npm itself uses). Versions are parsed loosely as npm does
 * when reading lockfiles (`v1.2.3`, `=1.2.3`); build metadata does not take part in ordering.
 */
export function parseSemver(version: string, scheme = 'semver'): semverLib.SemVer {
  const parsed = semverLib.parse(version.trim(), { loose: true });
  if (parsed === null) throw invalidVersion(scheme, version, 'not a semantic version');
  return parsed;
}

export function compareSemver(a: string, b: string): Ordering {
  return semverLib.compare(parseSemver(a), parseSemver(b));
}

/** Whether `version` satisfies an npm range expression (`^1.2.3 || >=2 <3`). */
export function satisfiesSemverRange(version: string, range: string, options: semverLib.RangeOptions = {}): boolean {
  return semverLib.satisfies(version, range, options);
}

export const semver = defineVersionScheme({
  id: 'semver',
  version: 1,
  description: 'npm semantic versions (node-semver ordering, build metadata ignored)',
  isValid: (version) => typeof version === 'string' && semverLib.parse(version.trim(), { loose: true }) !== null,
  compare: compareSemver,
});
