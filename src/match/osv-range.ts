import { isRampartError } from '../core/index.js';
import type { OsvAffected, OsvEvent } from '../vulndb/index.js';
import type { SchemeId } from '../versioning/index.js';
import { compareVersions } from '../versioning/index.js';

/** The part of an advisory that matched, for the explanation. */
export type MatchedRange =
  | { readonly kind: 'range'; readonly type: string; readonly introduced: string; readonly fixed?: string; readonly lastAffected?: string }
  | { readonly kind: 'versions'; readonly listed: string };

export type AffectedVerdict =
  | { readonly status: 'affected'; readonly range: MatchedRange; readonly fixed: string | undefined }
  | { readonly status: 'not-affected' }
  | { readonly status: 'unknown'; readonly reason: string };

interface Bound {
  readonly kind: 'introduced' | 'fixed' | 'last_affected';
  readonly version: string;
}

function bounds(events: readonly OsvEvent[]): Bound[] {
  const out: Bound[] = [];
  for (const e of events) {
    if (e.introduced !== undefined) out.push({ kind: 'introduced', version: e.introduced });
    if (e.fixed !== undefined) out.push({ kind: 'fixed', version: e.fixed });
    if (e.last_affected !== undefined) out.push({ kind: 'last_affected', version: e.last_affected });
  }
  return out;
}

/**
 * Evaluates one `ECOSYSTEM`/`SEMVER` range per the OSV spec: events sorted by version ("0" first),
 * swept in order; the package is affected between an `introduced` and the next `fixed`
 * (exclusive) or `last_affected` (inclusive). Throws INVALID_VERSION when versions cannot be ordered.
 */
export function evaluateRange(type: string, events: readonly OsvEvent[], version: string, scheme: SchemeId): AffectedVerdict {
  const cmp = (a: string, b: string): number => (a === '0' ? (b === '0' ? 0 : -1) : b === '0' ? 1 : compareVersions(scheme, a, b));
  const sorted = bounds(events).sort((a, b) => cmp(a.version, b.version) || (a.kind === 'introduced' ? -1 : b.kind === 'introduced' ? 1 : 0));
  let open: Bound | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i]!;
    const c = cmp(version, b.version);
    if (b.kind === 'introduced') {
      if (c >= 0) {
        open = b;
      } else {
        if (open !== undefined) {
          return { status: 'affected', range: { kind: 'range', type, introduced: open.version }, fixed: nextFixed(sorted, i) };
        }
        break;
      }
    } else if (open !== undefined) {
      const closed = b.kind === 'fixed' ? c >= 0 : c > 0;
      if (closed) {
        open = undefined;
      } else {
        return {
          status: 'affected',
          range: { kind: 'range', type, introduced: open.version, ...(b.kind === 'fixed' ? { fixed: b.version } : { lastAffected: b.version }) },
          fixed: b.kind === 'fixed' ? b.version : nextFixed(sorted, i + 1),
        };
      }
    }
  }
  if (open !== undefined) return { status: 'affected', range: { kind: 'range', type, introduced: open.version }, fixed: undefined };
  return { status: 'not-affected' };
}

function nextFixed(sorted: readonly Bound[], from: number): string | undefined {
  return sorted.slice(from).find((b) => b.kind === 'fixed')?.version;
}

/**
 * Evaluates an OSV `affected` entry for one installed version: an exact hit in `versions`, or any
 * `ECOSYSTEM`/`SEMVER` range. `GIT` ranges and versions that cannot be ordered give `unknown`,
 * never "not affected".
 */
export function evaluateAffected(affected: OsvAffected, version: string, scheme: SchemeId, ecosystemBase: string): AffectedVerdict {
  if (affected.versions?.includes(version)) {
    const fixed = affected.ranges?.flatMap((r) => r.events).find((e) => e.fixed !== undefined)?.fixed;
    return { status: 'affected', range: { kind: 'versions', listed: version }, fixed };
  }
  let unknown: string | undefined;
  // A GIT range is undecidable only when nothing else describes the entry: OSV databases resolve
  // commit ranges into `versions` and usually add an ECOSYSTEM range next to them.
  const resolved = (affected.versions?.length ?? 0) > 0 || (affected.ranges ?? []).some((r) => r.type === 'ECOSYSTEM' || r.type === 'SEMVER');
  for (const range of affected.ranges ?? []) {
    if (range.type === 'GIT') {
      if (resolved) continue;
      unknown ??= `GIT range${range.repo === undefined ? '' : ` on ${range.repo}`}: commit ranges cannot be evaluated against a package version`;
      continue;
    }
    if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') {
      unknown ??= `unsupported range type ${range.type}`;
      continue;
    }
    const rangeScheme: SchemeId = range.type === 'SEMVER' ? (ecosystemBase === 'Go' ? 'go' : 'semver') : scheme;
    try {
      const verdict = evaluateRange(range.type, range.events, version, rangeScheme);
      if (verdict.status === 'affected') return verdict;
    } catch (error) {
      if (!isRampartError(error, 'INVALID_VERSION')) throw error;
      unknown ??= `${error.message} (${rangeScheme} ordering)`;
    }
  }
  if (unknown !== undefined) return { status: 'unknown', reason: unknown };
  return { status: 'not-affected' };
}
