import * as z from 'zod/mini';
import type { Location } from '../core/index.js';
import { checkSchema, RampartError } from '../core/index.js';
import type { OsvAffected, OsvRecord } from './osv-record.js';

/**
 * The Debian security tracker's computed JSON (`security-tracker.debian.org/tracker/data/json`):
 * `{ source-package: { CVE: { releases: { codename: { status, fixed_version, urgency, ... } } } } }`
 * converted to OSV records `DEBIAN-<CVE>` with one affected entry per (release, source package):
 * - `resolved` with fixed_version "0": not affected, no entry;
 * - `resolved` with a version: affected below that version;
 * - `open` (including no-dsa, ignored, postponed, end-of-life): affected at every version;
 * - `undetermined`: affected at every version, marked so the explanation says the tracker has not decided.
 */
export const debianReleases: Readonly<Record<string, string>> = {
  buzz: '1.1', rex: '1.2', bo: '1.3', hamm: '2.0', slink: '2.1', potato: '2.2', woody: '3.0', sarge: '3.1',
  etch: '4.0', lenny: '5.0', squeeze: '6.0', wheezy: '7', jessie: '8', stretch: '9', buster: '10',
  bullseye: '11', bookworm: '12', trixie: '13', forky: '14', duke: '15', sid: 'unstable',
};

const release = z.looseObject({
  status: z.string(),
  fixed_version: z.optional(z.string()),
  urgency: z.optional(z.string()),
  nodsa: z.optional(z.string()),
  nodsa_reason: z.optional(z.string()),
});
// The tracker writes `"releases": []` (an empty list, not an object) for packages with no release.
const cveEntry = z.looseObject({
  description: z.optional(z.string()),
  // (zod/mini has no `preprocess`: classic's is exactly this pipe, a transform feeding the schema.)
  releases: z.pipe(
    z.transform((v: unknown) => (Array.isArray(v) && v.length === 0 ? {} : v)),
    z.record(z.string(), release),
  ),
});

export function isDebianTrackerJson(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  for (const cves of Object.values(doc)) {
    if (typeof cves !== 'object' || cves === null) continue;
    for (const entry of Object.values(cves as Record<string, unknown>)) {
      return typeof entry === 'object' && entry !== null && 'releases' in entry;
    }
  }
  return false;
}

/** Tracker urgency to a severity word: `high**` (not set by the security team) keeps its level. */
export function debianUrgency(urgency: string | undefined): string | undefined {
  const u = urgency?.replace(/\*+$/, '').trim();
  return u === undefined || u === '' || u === 'not yet assigned' || u === 'end-of-life' ? undefined : u;
}

/**
 * One OSV affected entry for a Debian source package in a release (`codename`): affected from the
 * start, up to `fixed` when given; undefined for a codename we do not map to a Debian version.
 */
export function debianAffected(codename: string, source: string, fixed: string | undefined, specific: Record<string, string>): OsvAffected | undefined {
  const version = debianReleases[codename];
  if (version === undefined) return undefined;
  const events = fixed === undefined ? [{ introduced: '0' }] : [{ introduced: '0' }, { fixed }];
  return {
    package: { ecosystem: `Debian:${version}`, name: source, purl: `pkg:deb/debian/${source}?arch=source` },
    ranges: [{ type: 'ECOSYSTEM', events }],
    ecosystem_specific: specific,
  };
}

export function convertDebianTracker(doc: unknown, modified: string, location: Location): OsvRecord[] {
  if (!isDebianTrackerJson(doc)) throw new RampartError('BAD_INPUT', 'not Debian security tracker JSON', { location });
  const byId = new Map<string, OsvRecord>();
  for (const [source, cves] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof cves !== 'object' || cves === null || Array.isArray(cves)) continue;
    for (const [cve, raw] of Object.entries(cves as Record<string, unknown>)) {
      const parsed = checkSchema(cveEntry, raw);
      if (!parsed.success) {
        throw new RampartError('BAD_INPUT', `Debian tracker entry ${source}/${cve}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { location });
      }
      const affected: OsvAffected[] = [];
      for (const [codename, r] of Object.entries(parsed.data.releases)) {
        if (r.status === 'resolved' && (r.fixed_version === undefined || r.fixed_version === '0')) continue;
        const urgency = debianUrgency(r.urgency);
        const one = debianAffected(codename, source, r.status === 'resolved' ? r.fixed_version : undefined, {
          status: r.status,
          ...(urgency === undefined ? {} : { urgency }),
          ...(r.nodsa === undefined ? {} : { nodsa: r.nodsa }),
          ...(r.nodsa_reason === undefined ? {} : { nodsa_reason: r.nodsa_reason }),
        });
        if (one !== undefined) affected.push(one);
      }
      if (affected.length === 0) continue;
      const id = `DEBIAN-${cve}`;
      const existing = byId.get(id);
      if (existing !== undefined) {
        existing.affected!.push(...affected);
        continue;
      }
      byId.set(id, {
        id,
        modified,
        aliases: [cve],
        ...(parsed.data.description === undefined ? {} : { details: parsed.data.description }),
        affected,
        database_specific: { source: 'debian-security-tracker' },
      });
    }
  }
  return [...byId.values()];
}
