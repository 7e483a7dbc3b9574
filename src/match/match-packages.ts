import type { Location } from '../core/index.js';
import { isRampartError } from '../core/index.js';
import type { OsvAffected, OsvRecord, StoredRecord, VulnIndex } from '../vulndb/index.js';
import { ecosystemBase, normalizePackageName } from '../vulndb/index.js';
import { compareVersions, getVersionScheme } from '../versioning/index.js';
import { groupByAlias, primaryId } from './alias-groups.js';
import type { Matcher } from './matcher.js';
import { matcherFor } from './matchers.js';
import type { AffectedVerdict } from './osv-range.js';
import { evaluateAffected } from './osv-range.js';
import type { PackageInput } from './package-input.js';
import { resolveSeverity } from './record-severity.js';
import type { MatchedAdvisory, MatchUnknown, VulnMatch } from './vuln-match.js';

export interface MatchResult {
  readonly matches: readonly VulnMatch[];
  readonly unknowns: readonly MatchUnknown[];
  readonly stats: { readonly packages: number; readonly advisories: number; readonly withdrawnIgnored: number };
}

interface Hit {
  readonly stored: StoredRecord;
  readonly affected: OsvAffected;
  readonly verdict: AffectedVerdict;
}

const idsOf = (r: OsvRecord): string[] => [r.id, ...(r.aliases ?? []), ...(r.upstream ?? [])];

export interface VulnMatcher {
  matchPackage(pkg: PackageInput): MatchResult;
  matchPackages(pkgs: Iterable<PackageInput>): MatchResult;
}

/** Matches packages against the advisory index (a factory: the index is its only dependency). */
export function createVulnMatcher(deps: { readonly index: Pick<VulnIndex, 'recordsFor' | 'recordsByAlias'> }): VulnMatcher {
  const matchPackage = (pkg: PackageInput): MatchResult => {
    const location: Location = pkg.location ?? {};
    const matcher = matcherFor(pkg.ecosystem);
    if (matcher === undefined) {
      return { matches: [], unknowns: [{ package: pkg, advisoryIds: [], reason: `no matcher for ecosystem ${pkg.ecosystem}`, location }], stats: { packages: 1, advisories: 0, withdrawnIgnored: 0 } };
    }
    const name = matcher.bySource ? (pkg.sourceName ?? pkg.name) : pkg.name;
    const version = matcher.bySource ? (pkg.sourceVersion ?? pkg.version) : pkg.version;
    const candidates = matcher.ecosystems.flatMap((base) => deps.index.recordsFor(base, name));
    let withdrawn = 0;
    const hits: Hit[] = [];
    const unknowns: MatchUnknown[] = [];
    const versionValid = getVersionScheme(matcher.scheme).isValid(version);
    const undecidable: string[] = [];
    for (const stored of candidates) {
      if (stored.record.withdrawn !== undefined) {
        withdrawn++;
        continue;
      }
      for (const affected of stored.record.affected ?? []) {
        const p = affected.package;
        if (p === undefined || !matcher.ecosystems.includes(ecosystemBase(p.ecosystem))) continue;
        if (normalizePackageName(ecosystemBase(p.ecosystem), p.name) !== normalizePackageName(ecosystemBase(p.ecosystem), name)) continue;
        const applies = matcher.appliesTo(p.ecosystem, pkg);
        if (applies === false) continue;
        if (typeof applies === 'string') {
          hits.push({ stored, affected, verdict: { status: 'unknown', reason: applies } });
          continue;
        }
        if (!versionValid) {
          undecidable.push(stored.record.id);
          continue;
        }
        hits.push({ stored, affected, verdict: evaluateAffected(affected, version, matcher.scheme, ecosystemBase(p.ecosystem)) });
      }
    }
    if (undecidable.length > 0) {
      unknowns.push({
        package: pkg,
        advisoryIds: [...new Set(undecidable)].sort(),
        reason: `version ${JSON.stringify(version)} is not a valid ${matcher.scheme} version, so ${new Set(undecidable).size} advisories could not be evaluated`,
        location,
      });
    }
    const matches: VulnMatch[] = [];
    const relevant = hits.filter((h) => h.verdict.status !== 'not-affected');
    for (const group of groupByAlias(relevant, (h) => idsOf(h.stored.record))) {
      const affected = group.filter((h) => h.verdict.status === 'affected');
      const ids = [...new Set(group.flatMap((h) => idsOf(h.stored.record)))];
      if (affected.length === 0) {
        const reasons = [...new Set(group.map((h) => (h.verdict.status === 'unknown' ? h.verdict.reason : '')))];
        unknowns.push({ package: pkg, advisoryIds: [...new Set(group.map((h) => h.stored.record.id))].sort(), reason: reasons.join('; '), location });
        continue;
      }
      matches.push(buildMatch(pkg, matcher, name, version, affected, ids, location, deps.index.recordsByAlias));
    }
    return { matches, unknowns, stats: { packages: 1, advisories: candidates.length, withdrawnIgnored: withdrawn } };
  };
  return {
    matchPackage,
    matchPackages(pkgs) {
      const all = { matches: [] as VulnMatch[], unknowns: [] as MatchUnknown[], stats: { packages: 0, advisories: 0, withdrawnIgnored: 0 } };
      for (const pkg of pkgs) {
        const r = matchPackage(pkg);
        all.matches.push(...r.matches);
        all.unknowns.push(...r.unknowns);
        all.stats.packages += r.stats.packages;
        all.stats.advisories += r.stats.advisories;
        all.stats.withdrawnIgnored += r.stats.withdrawnIgnored;
      }
      return all;
    },
  };
}

function highestVersion(scheme: string, versions: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const v of versions) {
    try {
      if (best === undefined || compareVersions(scheme, v, best) > 0) best = v;
    } catch (error) {
      if (!isRampartError(error, 'INVALID_VERSION')) throw error;
    }
  }
  return best;
}

function buildMatch(
  pkg: PackageInput,
  matcher: Matcher,
  name: string,
  version: string,
  hits: readonly Hit[],
  ids: readonly string[],
  location: Location,
  lookupAlias: (id: string) => readonly StoredRecord[],
): VulnMatch {
  const advisories: MatchedAdvisory[] = hits.map((h) => {
    const v = h.verdict as Extract<AffectedVerdict, { status: 'affected' }>;
    return {
      id: h.stored.record.id,
      aliases: [...(h.stored.record.aliases ?? [])],
      source: h.stored.source,
      origin: h.stored.origin,
      ecosystem: h.affected.package?.ecosystem ?? pkg.ecosystem,
      packageName: h.affected.package?.name ?? name,
      range: v.range,
      fixedVersion: v.fixed,
    };
  });
  const fixed = highestVersion(matcher.scheme, advisories.flatMap((a) => (a.fixedVersion === undefined ? [] : [a.fixedVersion])));
  const byRecord = new Map<string, { record: OsvRecord; affected: OsvAffected[] }>();
  for (const h of hits) {
    const entry = byRecord.get(h.stored.record.id) ?? { record: h.stored.record, affected: [] };
    entry.affected.push(h.affected);
    byRecord.set(h.stored.record.id, entry);
  }
  const severity = resolveSeverity([...byRecord.values()], ids, lookupAlias);
  const id = primaryId(ids);
  return {
    id,
    aliases: [...new Set(ids)].filter((x) => x !== id).sort(),
    severity: severity.severity,
    package: pkg,
    fixedVersion: fixed,
    status: fixed === undefined ? 'not-fixed' : 'fixed',
    explanation: { advisories, installedVersion: pkg.version, comparedVersion: version, scheme: matcher.scheme, matcher: matcher.id, severity: severity.source, location },
  };
}
