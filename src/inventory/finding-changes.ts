import type { VulnMatch } from '../match/index.js';
import type { FindingKey } from './sbom-store.js';

/** What a match is remembered as. */
export function findingKey(match: VulnMatch): FindingKey {
  return {
    id: match.id,
    aliases: [...match.aliases],
    ecosystem: match.package.ecosystem,
    package: match.package.name,
    version: match.package.version,
    severity: match.severity,
    ...(match.fixedVersion === undefined ? {} : { fixedVersion: match.fixedVersion }),
  };
}

export interface ChangedFinding {
  readonly match: VulnMatch;
  readonly before: FindingKey;
}

/** How a target's findings moved since its baseline. */
export interface FindingChanges {
  /** Findings none of whose ids was reported for that package and version before. */
  readonly added: readonly VulnMatch[];
  /** Known findings whose severity or fixed version changed. */
  readonly changed: readonly ChangedFinding[];
  /** Earlier findings no longer reported (an advisory withdrawn or narrowed). */
  readonly resolved: readonly FindingKey[];
}

const keysOf = (ids: readonly string[], ecosystem: string, pkg: string, version: string): string[] =>
  ids.map((id) => `${ecosystem}\u0000${pkg}\u0000${version}\u0000${id}`);

/**
 * Compares current matches with the baseline. A finding is the same when it shares any id (its own
 * or an alias) for the same package and version, so an advisory that gains an alias, or whose
 * merged primary id changes, is not reported as new. Without a baseline everything is new.
 */
export function compareFindings(baseline: readonly FindingKey[] | undefined, current: readonly VulnMatch[]): FindingChanges {
  if (baseline === undefined) return { added: current, changed: [], resolved: [] };
  const before = new Map<string, FindingKey>();
  for (const k of baseline) for (const key of keysOf([k.id, ...k.aliases], k.ecosystem, k.package, k.version)) before.set(key, k);
  const added: VulnMatch[] = [];
  const changed: ChangedFinding[] = [];
  const seen = new Set<FindingKey>();
  for (const m of current) {
    const keys = keysOf([m.id, ...m.aliases], m.package.ecosystem, m.package.name, m.package.version);
    const old = keys.map((k) => before.get(k)).find((k) => k !== undefined);
    if (old === undefined) {
      added.push(m);
      continue;
    }
    for (const k of keys) {
      const o = before.get(k);
      if (o !== undefined) seen.add(o);
    }
    if (old.severity !== m.severity || old.fixedVersion !== m.fixedVersion) changed.push({ match: m, before: old });
  }
  return { added, changed, resolved: baseline.filter((k) => !seen.has(k)) };
}
