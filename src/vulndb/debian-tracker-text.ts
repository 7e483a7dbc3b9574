import { compareVersions } from '../versioning/index.js';
import type { OsvAffected, OsvRecord } from './osv-record.js';
import { debianAffected, debianUrgency } from './debian-tracker.js';
import type { TrackerAnnotation, TrackerEntry } from './debian-tracker-list.js';

type PackageLine = Extract<TrackerAnnotation, { type: 'package' }>;

export interface TrackerListsInput {
  /** Entries of `data/CVE/list`. */
  readonly cves: readonly TrackerEntry[];
  /** Entries of `data/DSA/list`, `data/DLA/list`, `data/DTSA/list`. */
  readonly advisories: readonly TrackerEntry[];
  /**
   * Source package versions per release codename (from the releases' `Sources` indices), if known:
   * a release inherits the unstable (sid) status only for the packages it has, and a release whose
   * version is at or above the unstable fix is fixed even if an older `<no-dsa>`/`<postponed>`
   * line says otherwise (the tracker's own rule). Without it, every release named anywhere in the
   * lists inherits the unstable status.
   */
  readonly releasePackages?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly modified: string;
}

const openKinds = new Set(['unfixed', 'no-dsa', 'ignored', 'postponed', 'end-of-life', 'undetermined']);

const isPackageLine = (a: TrackerAnnotation): a is PackageLine => a.type === 'package';

function affectedEntry(codename: string, source: string, fixed: string | undefined, status: string, extra: Record<string, string> = {}): OsvAffected | undefined {
  return debianAffected(codename, source, fixed, { status, ...extra });
}

/** What the unstable (sid) line says for `release`: fixed F → resolved at F; an open kind → open; else nothing. */
function fromSidLine(release: string, sid: PackageLine, extra: Record<string, string>): OsvAffected | undefined {
  if (sid.kind === 'fixed' && sid.version !== undefined) return affectedEntry(release, sid.package, sid.version, 'resolved', extra);
  if (openKinds.has(sid.kind)) return affectedEntry(release, sid.package, undefined, 'open', { kind: sid.kind, ...extra });
  return undefined;
}

/** The ids an entry's `{…}` line cross-references. */
const xrefsOf = (entry: TrackerEntry): string[] => entry.annotations.flatMap((a) => (a.type === 'xref' ? a.bugs : []));

/** DSA/DLA/DTSA advisories as OSV records: one affected entry per `[release] - SRC VERSION` line. */
export function convertTrackerAdvisories(advisories: readonly TrackerEntry[], modified: string): OsvRecord[] {
  const records: OsvRecord[] = [];
  for (const entry of advisories) {
    const aliases = xrefsOf(entry);
    const affected = entry.annotations.filter(isPackageLine).flatMap((a): OsvAffected[] => {
      const one = a.release !== undefined && a.version !== undefined ? affectedEntry(a.release, a.package, a.version, 'resolved') : undefined;
      return one === undefined ? [] : [one];
    });
    if (affected.length === 0) continue;
    const published = entry.header.date === undefined ? undefined : new Date(`${entry.header.date} UTC`);
    records.push({
      id: entry.header.name,
      modified,
      ...(published !== undefined && !Number.isNaN(published.getTime()) ? { published: published.toISOString() } : {}),
      aliases,
      ...(entry.header.description === undefined ? {} : { summary: `${entry.header.package ?? ''} - ${entry.header.description}`.trim() }),
      affected,
      database_specific: { source: 'debian-security-tracker-list' },
    });
  }
  return records;
}

/**
 * `data/CVE/list` entries as `DEBIAN-<CVE>` records, with the tracker's release status rule: a
 * `[release]` line wins; a fix published by a DSA/DLA naming the CVE wins over a not-fixed status;
 * otherwise the release inherits the unstable line (fixed F → fixed F; unfixed → open;
 * not-affected, removed or ITP → no entry). `no-dsa`, `ignored`, `postponed`, `end-of-life` and
 * `undetermined` stay open (affected at every version). Entries without a CVE id yet
 * (`CVE-2024-XXXX`, `TEMP-…`) are skipped: nothing can refer to them.
 */
export function convertTrackerCveList(input: TrackerListsInput): OsvRecord[] {
  const advisoryFixes = new Map<string, { release: string; package: string; version: string; advisory: string }[]>();
  for (const entry of input.advisories) {
    const cves = xrefsOf(entry);
    for (const line of entry.annotations.filter(isPackageLine)) {
      if (line.release === undefined || line.version === undefined) continue;
      for (const cve of cves) advisoryFixes.set(cve, [...(advisoryFixes.get(cve) ?? []), { release: line.release, package: line.package, version: line.version, advisory: entry.header.name }]);
    }
  }
  const namedReleases = new Set<string>();
  for (const entry of [...input.cves, ...input.advisories]) for (const a of entry.annotations.filter(isPackageLine)) if (a.release !== undefined) namedReleases.add(a.release);

  const records: OsvRecord[] = [];
  for (const entry of input.cves) {
    const cve = entry.header.name;
    if (!/^CVE-\d{4}-\d+$/.test(cve)) continue;
    const lines = entry.annotations.filter(isPackageLine);
    const fixes = advisoryFixes.get(cve) ?? [];
    const affected: OsvAffected[] = [];
    for (const source of [...new Set([...lines.map((l) => l.package), ...fixes.map((f) => f.package)])]) {
      const sid = lines.find((l) => l.package === source && l.release === undefined);
      const explicit = new Map(lines.filter((l) => l.package === source && l.release !== undefined).map((l) => [l.release!, l]));
      const fixedBy = new Map(fixes.filter((f) => f.package === source).map((f) => [f.release, f]));
      const inheriting = [...(input.releasePackages === undefined ? namedReleases : [...input.releasePackages].filter(([, versions]) => versions.has(source)).map(([r]) => r))];
      const releases = [...new Set([...explicit.keys(), ...fixedBy.keys(), ...inheriting])].filter((r) => r !== 'sid');
      for (const release of releases.sort()) {
        const advisory = fixedBy.get(release);
        const line = explicit.get(release);
        let entryFor: OsvAffected | undefined;
        if (advisory !== undefined && (line === undefined || line.kind !== 'fixed')) {
          entryFor = affectedEntry(release, source, advisory.version, 'resolved', { advisory: advisory.advisory });
        } else if (line !== undefined) {
          const current = input.releasePackages?.get(release)?.get(source);
          const sidFix = sid?.kind === 'fixed' ? sid.version : undefined;
          if (line.kind === 'fixed' && line.version !== undefined) entryFor = affectedEntry(release, source, line.version, 'resolved');
          else if (openKinds.has(line.kind) && sidFix !== undefined && current !== undefined && compareVersions('dpkg', current, sidFix) >= 0) {
            entryFor = affectedEntry(release, source, sidFix, 'resolved', { inherited: 'sid' });
          } else if (openKinds.has(line.kind)) entryFor = affectedEntry(release, source, undefined, 'open', { kind: line.kind, ...(line.description === undefined ? {} : { reason: line.description }) });
        } else if (sid !== undefined) {
          entryFor = fromSidLine(release, sid, { inherited: 'sid' });
        }
        if (entryFor !== undefined) affected.push(entryFor);
      }
      // With release indices given, unstable too counts only when its index has the package.
      const inSid = input.releasePackages === undefined || input.releasePackages.get('sid')?.has(source) === true;
      if (sid !== undefined && inSid) {
        const urgency = debianUrgency(sid.flags?.flatMap((f) => ('severity' in f ? [f.severity] : []))[0]);
        const own = fromSidLine('sid', sid, urgency === undefined ? {} : { urgency });
        if (own !== undefined) affected.push(own);
      }
    }
    if (affected.length === 0) continue;
    const description = entry.header.description?.replace(/^\((.*)\)$/, '$1').replace(/^\[(.*)\]$/, '$1');
    records.push({
      id: `DEBIAN-${cve}`,
      modified: input.modified,
      aliases: [cve],
      ...(description === undefined ? {} : { details: description }),
      affected,
      database_specific: { source: 'debian-security-tracker-list' },
    });
  }
  return records;
}
