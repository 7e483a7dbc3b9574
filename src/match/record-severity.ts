import type { Severity } from '../core/index.js';
import type { OsvAffected, OsvRecord, OsvSeverity, StoredRecord } from '../vulndb/index.js';
import { cvssV3BaseScore } from './cvss-v3.js';
import { cvssV4BaseScore } from './cvss-v4.js';
import { ratingForScore, ratingForVendorWord } from './severity-rating.js';

/** Where a finding's severity came from (DESIGN.md §4), kept in its explanation. */
export type SeveritySource =
  | { readonly kind: 'vendor'; readonly record: string; readonly value: string }
  | { readonly kind: 'cvss'; readonly record: string; readonly vector: string; readonly score: number }
  | { readonly kind: 'alias'; readonly record: string; readonly via: SeveritySource }
  | { readonly kind: 'none' };

export interface SeverityVerdict {
  readonly severity: Severity;
  readonly source: SeveritySource;
}

function vendorWord(record: OsvRecord, affected: readonly OsvAffected[]): string | undefined {
  for (const a of affected) {
    for (const key of ['severity', 'urgency', 'priority']) {
      const v = a.ecosystem_specific?.[key] ?? a.database_specific?.[key];
      if (typeof v === 'string' && ratingForVendorWord(v) !== undefined) return v;
    }
  }
  const db = record.database_specific?.['severity'];
  if (typeof db === 'string' && ratingForVendorWord(db) !== undefined) return db;
  const ubuntu = (record.severity ?? []).find((s) => s.type === 'Ubuntu' && ratingForVendorWord(s.score) !== undefined);
  return ubuntu?.score;
}

function scoreOf(s: OsvSeverity): number | undefined {
  if (s.type === 'CVSS_V4') return cvssV4BaseScore(s.score);
  if (s.type === 'CVSS_V3') return cvssV3BaseScore(s.score);
  return undefined;
}

/** The severity a record states itself: vendor word first, then its CVSS vector's base score (v4 before v3). */
export function ownSeverity(record: OsvRecord, affected: readonly OsvAffected[] = record.affected ?? []): SeverityVerdict | undefined {
  const word = vendorWord(record, affected);
  if (word !== undefined) return { severity: ratingForVendorWord(word)!, source: { kind: 'vendor', record: record.id, value: word } };
  const vectors = [...(record.severity ?? []), ...affected.flatMap((a) => a.severity ?? [])];
  for (const type of ['CVSS_V4', 'CVSS_V3']) {
    for (const s of vectors.filter((v) => v.type === type)) {
      const score = scoreOf(s);
      if (score !== undefined) return { severity: ratingForScore(score), source: { kind: 'cvss', record: record.id, vector: s.score, score } };
    }
  }
  return undefined;
}

/**
 * DESIGN.md §4: vendor severity where a matched record has one, else its CVSS base score, else the
 * severity of an aliased record (same CVE) from another source, else unknown.
 */
export function resolveSeverity(
  matched: readonly { readonly record: OsvRecord; readonly affected: readonly OsvAffected[] }[],
  ids: readonly string[],
  lookupAlias: (id: string) => readonly StoredRecord[],
): SeverityVerdict {
  const own = matched.map((m) => ownSeverity(m.record, m.affected)).filter((v) => v !== undefined);
  const vendor = own.find((v) => v.source.kind === 'vendor');
  if (vendor !== undefined) return vendor;
  if (own.length > 0) return own.reduce((a, b) => (ratingRank(b.severity) > ratingRank(a.severity) ? b : a));
  const seen = new Set(matched.map((m) => m.record.id));
  for (const id of ids) {
    for (const other of lookupAlias(id)) {
      if (seen.has(other.record.id)) continue;
      seen.add(other.record.id);
      const verdict = ownSeverity(other.record);
      if (verdict !== undefined) return { severity: verdict.severity, source: { kind: 'alias', record: other.record.id, via: verdict.source } };
    }
  }
  return { severity: 'unknown', source: { kind: 'none' } };
}

const ratingRank = (s: Severity): number => ['unknown', 'low', 'medium', 'high', 'critical'].indexOf(s);
