import { RampartError } from '../core/index.js';
import type { Pep440Parts } from './pep440-parts.js';
import { buildPep440Parts, canonicalPep440Text, comparePep440Parts, parsePep440Parts, trimRelease } from './pep440-parts.js';
import type { PrereleasePolicy } from './pep440-prerelease-filter.js';
import { applyPrereleasePolicy, filterByRanges } from './pep440-prerelease-filter.js';
import type { Pep440Range } from './pep440-ranges.js';
import { fullPep440Range, rangesContain, versionPoint } from './pep440-ranges.js';

export type Pep440Operator = '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '===';

/** One PEP 440 version specifier (`>=1.2`, `==1.4.*`, `~=2.0`, `===foo`), parsed. */
export interface Pep440Specifier {
  readonly operator: Pep440Operator;
  /** The version as written (without surrounding whitespace). */
  readonly version: string;
  /** An explicit pre-release policy; null derives it from the specifier (see `specifierPrereleases`). */
  readonly prereleases: PrereleasePolicy;
  /** The versions the operator admits, before any pre-release policy. */
  readonly ranges: readonly Pep440Range[];
}

const epoch = String.raw`(?:[0-9]+!)?`;
const release = String.raw`[0-9]+(?:\.[0-9]+)*`;
const pre = String.raw`(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?`;
const post = String.raw`(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?`;
const dev = String.raw`(?:[-_.]?dev[-_.]?[0-9]*)?`;
const local = String.raw`(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?`;

// PEP 440's specifier grammar. The `i` flag without `u` folds ASCII letters only, as the grammar wants.
const specifierPattern = new RegExp(
  String.raw`^\s*(?:` +
    String.raw`===\s*[^\s;)]*` +
    String.raw`|(?:==|!=)\s*v?${epoch}${release}(?:\.\*|${pre}${post}${dev}${local})?` +
    String.raw`|~=\s*v?${epoch}[0-9]+(?:\.[0-9]+)+${pre}${post}${dev}` +
    String.raw`|(?:<=|>=|<|>)\s*v?${epoch}${release}${pre}${post}${dev}` +
    String.raw`)\s*$`,
  'i',
);

export function invalidSpecifier(text: string, reason: string): RampartError {
  return new RampartError('INVALID_SPECIFIER', `invalid PEP 440 specifier ${JSON.stringify(text)}: ${reason}`, {
    detail: { specifier: text, reason },
  });
}

/** Parses one specifier; throws RampartError `INVALID_SPECIFIER` when it does not follow PEP 440. */
export function parsePep440Specifier(text: string, prereleases: PrereleasePolicy = null): Pep440Specifier {
  if (!specifierPattern.test(text)) throw invalidSpecifier(text, 'not a PEP 440 version specifier');
  const trimmed = text.trim();
  const width = trimmed.startsWith('===') ? 3 : /^(?:~=|==|!=|<=|>=)/.test(trimmed) ? 2 : 1;
  const operator = trimmed.slice(0, width) as Pep440Operator;
  const version = trimmed.slice(width).trim();
  return { operator, version, prereleases, ranges: operatorRanges(text, operator, version) };
}

function requireVersion(text: string, version: string): Pep440Parts {
  const parsed = parsePep440Parts(version);
  if (parsed === null) throw invalidSpecifier(text, 'version out of range');
  return parsed;
}

function parts(base: Pep440Parts, change: Partial<Omit<Pep440Parts, 'text' | 'isPrerelease'>>): Pep440Parts {
  return buildPep440Parts({ ...base, ...change });
}

/** The smallest version of the next prefix: `1.2` → `1.3.dev0`. */
function nextPrefixDev0(base: Pep440Parts): Pep440Parts {
  const bumped = [...base.release.slice(0, -1), (base.release.at(-1) ?? 0) + 1];
  return parts(base, { release: bumped, pre: null, post: null, dev: 0, local: null });
}

/** The first version after `v` and all its local variants. */
function afterLocals(v: Pep440Parts): Pep440Parts {
  if (v.dev !== null) return parts(v, { dev: v.dev + 1, local: null });
  return parts(v, { post: v.post === null ? 0 : v.post + 1, dev: 0, local: null });
}

const at = (version: Pep440Parts, inclusive: boolean) => ({ point: versionPoint(version), inclusive });

function operatorRanges(text: string, operator: Pep440Operator, version: string): readonly Pep440Range[] {
  if (operator === '===') return fullPep440Range;
  if (version.endsWith('.*')) {
    const base = requireVersion(text, version.slice(0, -2));
    const lower = at(parts(base, { dev: 0 }), true);
    const upper = at(nextPrefixDev0(base), false);
    return operator === '==' ? [{ lower, upper }] : [{ lower: null, upper: { ...lower, inclusive: false } }, { lower: { ...upper, inclusive: true }, upper: null }];
  }
  const v = requireVersion(text, version);
  switch (operator) {
    case '>=':
      return [{ lower: at(v, true), upper: null }];
    case '<=':
      return [{ lower: null, upper: at(afterLocals(v), false) }];
    case '>':
      // Above a dev- or post-release `v` and its local variants: the next dev/post step, as `afterLocals`.
      if (v.dev !== null || v.post !== null) return [{ lower: at(afterLocals(v), true), upper: null }];
      if (v.pre !== null) return [{ lower: at(parts(v, { pre: [v.pre[0], v.pre[1] + 1], dev: 0, local: null }), true), upper: null }];
      // Above `v`, its local variants and every post-release of it: the end of its release.
      return [{ lower: { point: { kind: 'release-end', epoch: v.epoch, release: trimRelease(v.release) }, inclusive: false }, upper: null }];
    case '<': {
      // `<V` excludes V's own pre-releases unless V is one.
      const bound = v.isPrerelease ? v : parts(v, { dev: 0, local: null });
      const minimum = buildPep440Parts({ epoch: 0, release: [0], pre: null, post: null, dev: 0, local: null });
      return comparePep440Parts(bound, minimum) <= 0 ? [] : [{ lower: null, upper: at(bound, false) }];
    }
    case '~=': {
      const prefix = parts(v, { release: v.release.slice(0, -1) });
      return [{ lower: at(v, true), upper: at(nextPrefixDev0(prefix), false) }];
    }
    case '==':
    case '!=': {
      // Without a local label in the specifier, every local variant of V matches.
      const hasLocal = version.includes('+');
      const upper = hasLocal ? at(v, true) : at(afterLocals(v), false);
      if (operator === '==') return [{ lower: at(v, true), upper }];
      return [
        { lower: null, upper: at(v, false) },
        { lower: { point: upper.point, inclusive: !upper.inclusive }, upper: null },
      ];
    }
  }
}

/** Whether the specifier admits pre-releases by itself (an explicit policy wins). */
export function specifierPrereleases(spec: Pep440Specifier): PrereleasePolicy {
  if (spec.prereleases !== null) return spec.prereleases;
  if (spec.operator === '!=') return false;
  if (spec.operator === '==' && spec.version.endsWith('.*')) return false;
  const parsed = parsePep440Parts(spec.version);
  if (parsed === null) return null;
  return parsed.isPrerelease;
}

function effectivePolicy(spec: Pep440Specifier, prereleases: PrereleasePolicy): PrereleasePolicy {
  if (prereleases !== null) return prereleases;
  if (spec.prereleases !== null) return spec.prereleases;
  return specifierPrereleases(spec) === true ? true : null;
}

/** The items the specifier admits, in order, with the pre-release policy applied. */
export function filterBySpecifier(spec: Pep440Specifier, items: Iterable<string>, prereleases: PrereleasePolicy = null): string[] {
  const policy = effectivePolicy(spec, prereleases);
  if (spec.operator === '===') {
    const wanted = spec.version.toLowerCase();
    return applyPrereleasePolicy([...items].filter((item) => item.toLowerCase() === wanted), policy);
  }
  return filterByRanges(spec.ranges, items, policy);
}

/** Whether `version` satisfies the specifier. A string that is not a PEP 440 version only matches `===`. */
export function specifierContains(spec: Pep440Specifier, version: string, prereleases: PrereleasePolicy = null): boolean {
  if (spec.operator === '===') return filterBySpecifier(spec, [version], prereleases).length > 0;
  const parsed = parsePep440Parts(version);
  if (parsed === null) return false;
  if (effectivePolicy(spec, prereleases) === false && parsed.isPrerelease) return false;
  return rangesContain(spec.ranges, parsed);
}

export function specifierToString(spec: Pep440Specifier): string {
  return `${spec.operator}${spec.version}`;
}

/** A key equal for equivalent specifiers (`==2.8.0` and `==2.8`); pre-release policy ignored. */
export function specifierKey(spec: Pep440Specifier): string {
  if (spec.operator === '===' || spec.version.endsWith('.*')) return specifierToString(spec);
  const parsed = parsePep440Parts(spec.version);
  if (parsed === null) return specifierToString(spec);
  return `${spec.operator}${canonicalPep440Text(parsed, spec.operator !== '~=')}`;
}
