import semverLib from 'semver';
import { invalidVersion } from './invalid-version.js';
import type { Ordering } from './version-scheme.js';
import { defineVersionScheme } from './version-scheme.js';

/** Cargo (crates.io) versions are strict SemVer 2.0.0: no `v` prefix, no loose forms. */
function parseCargo(version: string): semverLib.SemVer {
  const parsed = semverLib.parse(version, { loose: false });
  if (parsed === null || version.startsWith('v') || version.startsWith('=')) {
    throw invalidVersion('cargo', version, 'not a SemVer 2.0.0 version');
  }
  return parsed;
}

export function compareCargo(a: string, b: string): Ordering {
  return semverLib.compare(parseCargo(a), parseCargo(b));
}

export const cargo = defineVersionScheme({
  id: 'cargo',
  version: 1,
  description: 'crates.io versions (strict SemVer 2.0.0, build metadata ignored)',
  isValid(version) {
    try {
      parseCargo(version);
      return true;
    } catch {
      return false;
    }
  },
  compare: compareCargo,
});
