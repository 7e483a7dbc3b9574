import type { Pep440Parts } from './pep440-parts.js';
import { compareReleases, comparePep440Parts, buildPep440Parts } from './pep440-parts.js';
import type { Ordering } from './version-scheme.js';

/**
 * A point on the PEP 440 version line: a real version, or the end of a release (above every
 * version of that epoch and release, whatever its pre, post, dev or local parts, and below every
 * later release). `>1.0` starts just after the end of release `1.0` (PEP 440 excludes post-releases).
 */
export type Pep440Point =
  | { readonly kind: 'version'; readonly version: Pep440Parts }
  | { readonly kind: 'release-end'; readonly epoch: number; readonly release: readonly number[] };

export interface Pep440Bound {
  readonly point: Pep440Point;
  readonly inclusive: boolean;
}

/** A contiguous range; a null bound is unbounded. */
export interface Pep440Range {
  readonly lower: Pep440Bound | null;
  readonly upper: Pep440Bound | null;
}

export const fullPep440Range: readonly Pep440Range[] = [{ lower: null, upper: null }];

export function versionPoint(version: Pep440Parts): Pep440Point {
  return { kind: 'version', version };
}

export function comparePoints(a: Pep440Point, b: Pep440Point): Ordering {
  if (a.kind === 'version' && b.kind === 'version') return comparePep440Parts(a.version, b.version);
  if (a.kind === 'version' && b.kind === 'release-end') return compareReleases(a.version, b) === 1 ? 1 : -1;
  if (a.kind === 'release-end' && b.kind === 'version') return compareReleases(b.version, a) === 1 ? -1 : 1;
  if (a.kind === 'release-end' && b.kind === 'release-end') {
    const probe = buildPep440Parts({ epoch: a.epoch, release: a.release, pre: null, post: null, dev: null, local: null });
    return compareReleases(probe, b);
  }
  throw new Error('unreachable point kinds');
}

function compareLower(a: Pep440Bound | null, b: Pep440Bound | null): Ordering {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  const c = comparePoints(a.point, b.point);
  if (c !== 0) return c;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1;
}

function compareUpper(a: Pep440Bound | null, b: Pep440Bound | null): Ordering {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  const c = comparePoints(a.point, b.point);
  if (c !== 0) return c;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1;
}

function isEmpty(range: Pep440Range): boolean {
  if (range.lower === null || range.upper === null) return false;
  const c = comparePoints(range.lower.point, range.upper.point);
  return c > 0 || (c === 0 && !(range.lower.inclusive && range.upper.inclusive));
}

export function rangeContains(range: Pep440Range, version: Pep440Parts): boolean {
  const point = versionPoint(version);
  if (range.lower !== null) {
    const c = comparePoints(point, range.lower.point);
    if (c < 0 || (c === 0 && !range.lower.inclusive)) return false;
  }
  if (range.upper !== null) {
    const c = comparePoints(point, range.upper.point);
    if (c > 0 || (c === 0 && !range.upper.inclusive)) return false;
  }
  return true;
}

export function rangesContain(ranges: readonly Pep440Range[], version: Pep440Parts): boolean {
  return ranges.some((range) => rangeContains(range, version));
}

/** Intersects two sorted lists of disjoint ranges (the result is sorted and disjoint too). */
export function intersectRanges(left: readonly Pep440Range[], right: readonly Pep440Range[]): Pep440Range[] {
  const result: Pep440Range[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i]!;
    const b = right[j]!;
    const range = {
      lower: compareLower(a.lower, b.lower) >= 0 ? a.lower : b.lower,
      upper: compareUpper(a.upper, b.upper) <= 0 ? a.upper : b.upper,
    };
    if (!isEmpty(range)) result.push(range);
    if (compareUpper(a.upper, b.upper) < 0) i++;
    else j++;
  }
  return result;
}

export function rangesEqual(left: readonly Pep440Range[], right: readonly Pep440Range[]): boolean {
  return (
    left.length === right.length &&
    left.every((a, k) => compareLower(a.lower, right[k]!.lower) === 0 && compareUpper(a.upper, right[k]!.upper) === 0)
  );
}

/** True when every range holds pre-releases only (so `prereleases: false` leaves nothing). */
export function rangesArePrereleaseOnly(ranges: readonly Pep440Range[]): boolean {
  return ranges.every((range) => {
    if (range.lower === null || range.lower.point.kind === 'release-end') return false;
    const start = range.lower.point.version;
    const nearest = start.isPrerelease ? buildPep440Parts({ ...start, pre: null, dev: null, local: null }) : start;
    if (range.upper === null) return false;
    const c = comparePoints(versionPoint(nearest), range.upper.point);
    return !(c < 0 || (c === 0 && range.upper.inclusive));
  });
}
