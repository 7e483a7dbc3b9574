import { parsePep440Parts } from './pep440-parts.js';
import type { Pep440Range } from './pep440-ranges.js';
import { rangesContain } from './pep440-ranges.js';

/**
 * How pre-releases are treated: `true` keeps them, `false` drops them, `null` is PEP 440's default
 * (keep pre-releases only when nothing else matches).
 */
export type PrereleasePolicy = boolean | null;

/**
 * Applies the pre-release policy to already-matched items, in order. Items that are not PEP 440
 * versions (only `===` can match those) are kept: whether they are pre-releases is unknowable.
 */
export function applyPrereleasePolicy(items: Iterable<string>, prereleases: PrereleasePolicy): string[] {
  const all = [...items];
  if (prereleases === true) return all;
  if (prereleases === false) return all.filter((item) => parsePep440Parts(item)?.isPrerelease !== true);
  const out: string[] = [];
  const nonFinal: string[] = [];
  const pendingArbitrary: string[] = [];
  let foundFinal = false;
  for (const item of all) {
    const parsed = parsePep440Parts(item);
    if (parsed === null) {
      if (foundFinal) out.push(item);
      else {
        pendingArbitrary.push(item);
        nonFinal.push(item);
      }
    } else if (!parsed.isPrerelease) {
      if (!foundFinal) out.push(...pendingArbitrary);
      foundFinal = true;
      out.push(item);
    } else if (!foundFinal) nonFinal.push(item);
  }
  return foundFinal ? out : nonFinal;
}

/** Keeps the items that are PEP 440 versions inside `ranges`, then applies the pre-release policy. */
export function filterByRanges(ranges: readonly Pep440Range[], items: Iterable<string>, prereleases: PrereleasePolicy): string[] {
  const matched: string[] = [];
  for (const item of items) {
    const parsed = parsePep440Parts(item);
    if (parsed !== null && rangesContain(ranges, parsed)) matched.push(item);
  }
  return applyPrereleasePolicy(matched, prereleases);
}
