import { RampartError, checkPostgresSchemaName, dropPostgresSchema, loadPg } from '../core/index.js';
import type { MatchBaseline, SbomStore } from './sbom-store.js';
import type { SbomRow } from './stored-sbom-row.js';
import { SBOM_ROW_COLUMNS, SBOM_STORE_KIND, SBOM_STORE_SCHEMA_VERSION, sbomRowValues, sbomUpsertSql, storedSbomOf } from './stored-sbom-row.js';

function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.sboms (
  target TEXT COLLATE "C" PRIMARY KEY, image_id TEXT, cataloged_at TEXT NOT NULL, packages INTEGER NOT NULL,
  inventory BYTEA NOT NULL, matched_at TEXT, db_marker TEXT, findings TEXT);
INSERT INTO ${s}.meta (key, value) VALUES ('kind', '${SBOM_STORE_KIND}'), ('schema_version', '${SBOM_STORE_SCHEMA_VERSION}') ON CONFLICT (key) DO NOTHING;`;
}

/**
 * The shared store for scale-out (DESIGN.md §3): the SQLite store's table in a PostgreSQL schema,
 * same row format (deflated native JSON inventory, finding keys as JSON), same conformance tests.
 * Targets sort bytewise (`COLLATE "C"`), as in SQLite, so paging visits each target once.
 */
export async function openPostgresSbomStore(url: string, schema = 'rampart_sboms'): Promise<SbomStore> {
  checkPostgresSchemaName(schema);
  const s = `"${schema}"`;
  const location = `${url.replace(/\/\/[^@/]*@/, '//')} (schema ${schema})`;
  const pool = new (await loadPg()).Pool({ connectionString: url, max: 4 });
  try {
    await pool.query(schemaSql(s));
    const meta = new Map((await pool.query<{ key: string; value: string }>(`SELECT key, value FROM ${s}.meta`)).rows.map((r) => [r.key, r.value]));
    if (meta.get('kind') !== SBOM_STORE_KIND || meta.get('schema_version') !== SBOM_STORE_SCHEMA_VERSION) {
      throw new RampartError('BAD_STORE', `${location} is not a Rampart SBOM store (kind ${meta.get('kind') ?? '?'}, schema ${meta.get('schema_version') ?? '?'})`);
    }
  } catch (error) {
    await pool.end();
    if (error instanceof RampartError) throw error;
    throw new RampartError('STORE_ERROR', `cannot prepare the PostgreSQL SBOM store ${location}`, { cause: error });
  }
  const upsert = sbomUpsertSql(`${s}.sboms`, (n) => `$${n}`);
  const toStored = (row: SbomRow) => storedSbomOf(row, location);
  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof RampartError) throw error;
      throw new RampartError('STORE_ERROR', `cannot ${what} the SBOM store ${location}`, { cause: error });
    }
  };
  return {
    kind: 'postgres',
    location,
    async put(sbom) {
      await guard('write', () => pool.query(upsert, sbomRowValues(sbom)));
    },
    async get(target) {
      const r = await guard('read', () => pool.query<SbomRow>(`SELECT ${SBOM_ROW_COLUMNS} FROM ${s}.sboms WHERE target = $1`, [target]));
      return r.rows[0] === undefined ? undefined : toStored(r.rows[0]);
    },
    count: async () => Number((await guard('read', () => pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${s}.sboms`))).rows[0]?.n ?? 0),
    async list({ after, limit }) {
      const r = await guard('read', () =>
        after === undefined
          ? pool.query<SbomRow>(`SELECT ${SBOM_ROW_COLUMNS} FROM ${s}.sboms ORDER BY target LIMIT $1`, [limit])
          : pool.query<SbomRow>(`SELECT ${SBOM_ROW_COLUMNS} FROM ${s}.sboms WHERE target > $1 ORDER BY target LIMIT $2`, [after, limit]),
      );
      return r.rows.map(toStored);
    },
    async setBaselines(entries: readonly { target: string; baseline: MatchBaseline }[]) {
      if (entries.length === 0) return;
      await guard('write', () =>
        pool.query(
          `UPDATE ${s}.sboms AS t SET matched_at = u.matched_at, db_marker = u.db_marker, findings = u.findings ` +
            'FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(target, matched_at, db_marker, findings) WHERE t.target = u.target',
          [entries.map((e) => e.target), entries.map((e) => e.baseline.matchedAt), entries.map((e) => e.baseline.database), entries.map((e) => JSON.stringify(e.baseline.findings))],
        ),
      );
    },
    remove: async (target) => ((await guard('write', () => pool.query(`DELETE FROM ${s}.sboms WHERE target = $1`, [target]))).rowCount ?? 0) > 0,
    async close() {
      await pool.end();
    },
  };
}

/** Drops a store's schema (tests, and removing a tenant). */
export async function dropPostgresSbomStore(url: string, schema: string): Promise<void> {
  await dropPostgresSchema(url, schema);
}
