import type { Unit } from '../core/index.js';

/** The scheme ids `compareVersions` accepts. */
export const schemeIds = ['apk', 'cargo', 'composer', 'dpkg', 'gem', 'go', 'maven', 'nuget', 'pep440', 'rpm', 'semver'] as const;

export type SchemeId = (typeof schemeIds)[number];

export type Ordering = -1 | 0 | 1;

/**
 * One version scheme (one file each, named by its id). `compare` throws RampartError
 * `INVALID_VERSION` for a version the scheme cannot parse: callers turn that into an `unknown`,
 * never into "not affected".
 */
export interface VersionScheme extends Unit {
  readonly id: SchemeId;
  isValid(version: string): boolean;
  compare(a: string, b: string): Ordering;
}

export function sign(n: number): Ordering {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** A scheme is defined through this function (the same API a user gets for their own schemes). */
export function defineVersionScheme(scheme: VersionScheme): VersionScheme {
  return scheme;
}
