import { RampartError } from '../core/index.js';
import type { Ordering, VersionScheme } from './version-scheme.js';
import { versionSchemes } from './version-schemes.js';

/** Looks a scheme up by id; an unknown id is a typed `UNKNOWN_SCHEME` error. */
export function getVersionScheme(scheme: string): VersionScheme {
  const found = versionSchemes.get(scheme);
  if (found === undefined) {
    throw new RampartError('UNKNOWN_SCHEME', `unknown version scheme ${JSON.stringify(scheme)} (known: ${versionSchemes.units.map((u) => u.id).join(', ')})`, {
      detail: { scheme },
    });
  }
  return found;
}

/**
 * Compares two versions of one scheme: -1, 0 or 1. Throws RampartError `INVALID_VERSION` when
 * either side cannot be parsed, `UNKNOWN_SCHEME` for an unknown scheme id.
 */
export function compareVersions(scheme: string, a: string, b: string): Ordering {
  return getVersionScheme(scheme).compare(a, b);
}
