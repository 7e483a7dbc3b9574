import { RampartError } from '../core/index.js';
import { parsePep440Parts } from './pep440-parts.js';
import type { PrereleasePolicy } from './pep440-prerelease-filter.js';
import { applyPrereleasePolicy, filterByRanges } from './pep440-prerelease-filter.js';
import type { Pep440Range } from './pep440-ranges.js';
import { fullPep440Range, intersectRanges, rangesArePrereleaseOnly, rangesEqual } from './pep440-ranges.js';
import type { Pep440Specifier } from './pep440-specifier.js';
import { parsePep440Specifier, specifierContains, specifierKey, specifierPrereleases, specifierToString } from './pep440-specifier.js';

/** A comma-separated PEP 440 specifier set (`>=1.0,!=1.3.*,<2`); every specifier must hold. */
export interface Pep440SpecifierSet {
  readonly specifiers: readonly Pep440Specifier[];
  readonly prereleases: PrereleasePolicy;
}

export interface ContainsOptions {
  readonly prereleases?: PrereleasePolicy;
  /** The version is already installed: PEP 440 accepts an installed pre-release. */
  readonly installed?: boolean;
}

/** Parses `>=1.0, <2` (empty text: no constraint); throws RampartError `INVALID_SPECIFIER`. */
export function parsePep440SpecifierSet(text: string, prereleases: PrereleasePolicy = null): Pep440SpecifierSet {
  const specifiers = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parsePep440Specifier(s));
  return { specifiers, prereleases };
}

/** Both sets' constraints; throws when their explicit pre-release policies conflict. */
export function combineSpecifierSets(a: Pep440SpecifierSet, b: Pep440SpecifierSet): Pep440SpecifierSet {
  let prereleases: PrereleasePolicy;
  if (a.prereleases === null || a.prereleases === b.prereleases) prereleases = b.prereleases;
  else if (b.prereleases === null) prereleases = a.prereleases;
  else throw new RampartError('INVALID_SPECIFIER', 'cannot combine specifier sets with opposite pre-release policies');
  return { specifiers: [...a.specifiers, ...b.specifiers], prereleases };
}

export function specifierSetPrereleases(set: Pep440SpecifierSet): PrereleasePolicy {
  if (set.prereleases !== null) return set.prereleases;
  if (set.specifiers.length === 0) return null;
  return set.specifiers.some((s) => specifierPrereleases(s) === true) ? true : null;
}

const hasArbitrary = (set: Pep440SpecifierSet): boolean => set.specifiers.some((s) => s.operator === '===');

/** The intersection of every specifier's ranges (empty when unsatisfiable). */
export function specifierSetRanges(set: Pep440SpecifierSet): readonly Pep440Range[] {
  return set.specifiers.reduce<readonly Pep440Range[]>((acc, s) => (acc.length === 0 ? acc : intersectRanges(acc, s.ranges)), fullPep440Range);
}

/** The items every specifier admits, in order, with the pre-release policy applied. */
export function filterBySpecifierSet(set: Pep440SpecifierSet, items: Iterable<string>, prereleases: PrereleasePolicy = null): string[] {
  const policy = prereleases ?? specifierSetPrereleases(set);
  if (set.specifiers.length === 0) return applyPrereleasePolicy(items, policy);
  if (hasArbitrary(set)) {
    const matched = [...items].filter((item) => set.specifiers.every((s) => specifierContains(s, item, true)));
    return applyPrereleasePolicy(matched, policy);
  }
  return filterByRanges(specifierSetRanges(set), items, policy);
}

/** Whether `version` satisfies every specifier of the set. */
export function specifierSetContains(set: Pep440SpecifierSet, version: string, options: ContainsOptions = {}): boolean {
  let prereleases = options.prereleases ?? null;
  if (options.installed === true && parsePep440Parts(version)?.isPrerelease === true) prereleases = true;
  return filterBySpecifierSet(set, [version], prereleases).length > 0;
}

export function specifierSetToString(set: Pep440SpecifierSet): string {
  return set.specifiers
    .map(specifierToString)
    .sort()
    .filter((s, i, all) => all.indexOf(s) === i)
    .join(',');
}

/** Equal when both hold the same specifiers up to order, duplicates and version spelling. */
export function specifierSetsEqual(a: Pep440SpecifierSet, b: Pep440SpecifierSet): boolean {
  const keys = (set: Pep440SpecifierSet) => [...new Set(set.specifiers.map(specifierKey))].sort().join(',');
  return keys(a) === keys(b);
}

function relationRanges(set: Pep440SpecifierSet): readonly Pep440Range[] {
  if (hasArbitrary(set)) {
    throw new RampartError('INVALID_SPECIFIER', 'set relations are undefined for `===` (arbitrary string) specifiers');
  }
  return specifierSetRanges(set);
}

/** Every version `a` admits is admitted by `b` (pre-release policy aside). */
export function isSpecifierSubset(a: Pep440SpecifierSet, b: Pep440SpecifierSet): boolean {
  const left = relationRanges(a);
  return rangesEqual(intersectRanges(left, relationRanges(b)), left);
}

export function isSpecifierDisjoint(a: Pep440SpecifierSet, b: Pep440SpecifierSet): boolean {
  return intersectRanges(relationRanges(a), relationRanges(b)).length === 0;
}

/** No version can satisfy the set. */
export function isSpecifierSetUnsatisfiable(set: Pep440SpecifierSet): boolean {
  if (set.specifiers.length === 0) return false;
  const ranges = specifierSetRanges(set);
  if (ranges.length === 0) return true;
  const arbitrary = set.specifiers.filter((s) => s.operator === '===');
  if (arbitrary.length > 0) {
    const candidate = arbitrary[0]!.version;
    if (arbitrary.some((s) => s.version.toLowerCase() !== candidate.toLowerCase())) return true;
    const parsed = parsePep440Parts(candidate);
    if (specifierSetPrereleases(set) === false && parsed?.isPrerelease === true) return true;
    const standard = set.specifiers.filter((s) => s.operator !== '===');
    if (standard.length > 0 && (parsed === null || !standard.every((s) => specifierContains(s, parsed.text)))) return true;
  }
  return specifierSetPrereleases(set) === false && rangesArePrereleaseOnly(ranges);
}
