import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { RampartError } from '../core/index.js';
import type { SbomPut, StoredSbom } from './sbom-store.js';
import { parseStoredFindings, parseStoredInventory } from './stored-sbom-schema.js';

/** The `meta` row both stores (SQLite, PostgreSQL) write and check on open. */
export const SBOM_STORE_KIND = 'rampart-sbom-store';
export const SBOM_STORE_SCHEMA_VERSION = '1';

/** One `sboms` row as both stores read it (the same table in SQLite and PostgreSQL). */
export interface SbomRow {
  target: string;
  image_id: string | null;
  cataloged_at: string;
  inventory: Buffer;
  matched_at: string | null;
  db_marker: string | null;
  findings: string | null;
}

/** The columns of `SbomRow`, for SELECT. */
export const SBOM_ROW_COLUMNS = 'target, image_id, cataloged_at, inventory, matched_at, db_marker, findings';

/**
 * The upsert a put runs, taking `sbomRowValues` in order (`placeholder(n)` is `?` in SQLite, `$n` in
 * PostgreSQL). A put without a baseline keeps the stored one.
 */
export function sbomUpsertSql(table: string, placeholder: (n: number) => string): string {
  const keep = (column: string): string => `${column} = coalesce(excluded.${column}, ${table}.${column})`;
  return (
    `INSERT INTO ${table} (target, image_id, cataloged_at, packages, inventory, matched_at, db_marker, findings) ` +
    `VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(placeholder).join(', ')}) ` +
    'ON CONFLICT (target) DO UPDATE SET image_id = excluded.image_id, cataloged_at = excluded.cataloged_at, packages = excluded.packages, inventory = excluded.inventory, ' +
    ['matched_at', 'db_marker', 'findings'].map(keep).join(', ')
  );
}

/**
 * The values a put writes, in the order of `sbomUpsertSql`: the inventory as native JSON, deflated;
 * the finding keys as JSON.
 */
export function sbomRowValues({ inventory, catalogedAt, baseline }: SbomPut): [string, string | null, string, number, Buffer, string | null, string | null, string | null] {
  return [
    inventory.target,
    inventory.imageId ?? null,
    catalogedAt,
    inventory.packages.length,
    deflateRawSync(JSON.stringify(inventory)),
    baseline?.matchedAt ?? null,
    baseline?.database ?? null,
    baseline === undefined ? null : JSON.stringify(baseline.findings),
  ];
}

/** A row read back, checked (`location` names the store in errors). */
export function storedSbomOf(row: SbomRow, location: string): StoredSbom {
  let text: string;
  try {
    text = inflateRawSync(row.inventory).toString('utf8');
  } catch (error) {
    throw new RampartError('BAD_STORE', `${location}: the stored inventory of ${row.target} is not deflate data`, { cause: error, location: { file: location, path: row.target } });
  }
  return {
    target: row.target,
    ...(row.image_id === null ? {} : { imageId: row.image_id }),
    catalogedAt: row.cataloged_at,
    inventory: parseStoredInventory(text, location, row.target),
    ...(row.matched_at === null || row.db_marker === null || row.findings === null
      ? {}
      : { baseline: { matchedAt: row.matched_at, database: row.db_marker, findings: parseStoredFindings(row.findings, location, row.target) } }),
  };
}
