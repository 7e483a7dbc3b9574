import semverLib from 'semver';
import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme } from './version-scheme.js';

/**
 * Go module versions (golang.org/x/mod/semver): `vMAJOR[.MINOR[.PATCH]][-pre][+build]`, with the
 * `v` optional because OSV writes Go versions without it. `+incompatible` is build metadata and so
 * does not take part in ordering; pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`,
 * `v1.2.4-0.2019...`) are pre-releases and order by their timestamp as Go does.
 */
export function normalizeGoVersion(version: string): string {
  const text = version.startsWith('v') ? version.slice(1) : version;
  const m = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/.exec(text);
  if (m === null) throw invalidVersion('go', version, 'not vMAJOR.MINOR.PATCH[-pre][+build]');
  const [, major, minor, patch, tail = ''] = m;
  // Shorthands v1 and v1.2 are only valid without a pre-release or build suffix.
  if ((minor === undefined || patch === undefined) && tail !== '') throw invalidVersion('go', version, 'shorthand with suffix');
  const normalized = `${major}.${minor ?? '0'}.${patch ?? '0'}${tail}`;
  if (semverLib.valid(normalized) === null) throw invalidVersion('go', version, 'not a semantic version');
  return normalized;
}

export function compareGo(a: string, b: string): Ordering {
  return semverLib.compare(normalizeGoVersion(a), normalizeGoVersion(b));
}

export const go = defineVersionScheme({
  id: 'go',
  version: 1,
  description: 'Go module versions (semver with optional v, +incompatible, pseudo-versions)',
  isValid(version) {
    try {
      normalizeGoVersion(version);
      return true;
    } catch {
      return false;
    }
  },
  compare: compareGo,
});
