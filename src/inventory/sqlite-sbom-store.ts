import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { MatchBaseline, SbomStore } from './sbom-store.js';
import type { SbomRow } from './stored-sbom-row.js';
import { SBOM_ROW_COLUMNS, SBOM_STORE_KIND, SBOM_STORE_SCHEMA_VERSION, sbomRowValues, sbomUpsertSql, storedSbomOf } from './stored-sbom-row.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sboms (
  target TEXT PRIMARY KEY, image_id TEXT, cataloged_at TEXT NOT NULL, packages INTEGER NOT NULL,
  inventory BLOB NOT NULL, matched_at TEXT, db_marker TEXT, findings TEXT
);
`;

function badStore(file: string, why: string, cause?: unknown): RampartError {
  return new RampartError('BAD_STORE', `${file} is not a Rampart SBOM store: ${why}`, { location: { file }, ...(cause === undefined ? {} : { cause }) });
}

/** Opens the SQLite file, creating it (and its folder) when missing; a file of another kind is BAD_STORE. */
function openFile(file: string, create: boolean): Database.Database {
  const exists = existsSync(file);
  if (!exists && !create) {
    throw new RampartError('FILE_NOT_FOUND', `no SBOM store at ${file}: store SBOMs with 'rampart scan TARGET --store' or 'rampart sbom TARGET --store'`, {
      location: { file },
    });
  }
  if (exists && !statSync(file).isFile()) throw badStore(file, 'not a regular file');
  if (!exists) mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name);
    if (tables.length === 0) {
      db.exec(SCHEMA);
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('kind', SBOM_STORE_KIND);
      meta.run('schema_version', SBOM_STORE_SCHEMA_VERSION);
      return db;
    }
    if (!tables.includes('meta') || !tables.includes('sboms')) throw badStore(file, `it holds other tables (${tables.join(', ')})`);
    const meta = new Map(db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all().map((r) => [r.key, r.value]));
    if (meta.get('kind') !== SBOM_STORE_KIND) throw badStore(file, `its kind is ${JSON.stringify(meta.get('kind') ?? null)}`);
    if (meta.get('schema_version') !== SBOM_STORE_SCHEMA_VERSION) {
      throw badStore(file, `schema version ${meta.get('schema_version') ?? '?'} is not ${SBOM_STORE_SCHEMA_VERSION}`);
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof RampartError) throw error;
    throw badStore(file, error instanceof Error ? error.message : String(error), error);
  }
}

/**
 * The embedded SBOM store: one SQLite file (WAL), one row per target holding its inventory as
 * native JSON, deflated (inventories of large images run to ~400 KB of JSON, ~15x smaller deflated;
 * reading less from the file outweighs inflating), and the finding keys of its last match. `create: false` refuses a missing file
 * (re-matching an empty store would silently report nothing).
 */
export function openSqliteSbomStore(file: string, options: { readonly create?: boolean } = {}): SbomStore {
  const db = openFile(file, options.create ?? true);
  const upsert = db.prepare(sbomUpsertSql('sboms', () => '?'));
  const byTarget = db.prepare<[string], SbomRow>(`SELECT ${SBOM_ROW_COLUMNS} FROM sboms WHERE target = ?`);
  const firstPage = db.prepare<[number], SbomRow>(`SELECT ${SBOM_ROW_COLUMNS} FROM sboms ORDER BY target LIMIT ?`);
  const nextPage = db.prepare<[string, number], SbomRow>(`SELECT ${SBOM_ROW_COLUMNS} FROM sboms WHERE target > ? ORDER BY target LIMIT ?`);
  const setBaseline = db.prepare('UPDATE sboms SET matched_at = ?, db_marker = ?, findings = ? WHERE target = ?');
  const setBaselines = db.transaction((entries: readonly { target: string; baseline: MatchBaseline }[]) => {
    for (const { target, baseline } of entries) setBaseline.run(baseline.matchedAt, baseline.database, JSON.stringify(baseline.findings), target);
  });
  const toStored = (row: SbomRow) => storedSbomOf(row, file);
  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof RampartError) throw error;
      throw new RampartError('STORE_ERROR', `cannot ${what} the SBOM store ${file}`, { cause: error, location: { file } });
    }
  };
  return {
    kind: 'sqlite',
    location: file,
    async put(sbom) {
      guard('write', () => upsert.run(...sbomRowValues(sbom)));
    },
    async get(target) {
      const row = guard('read', () => byTarget.get(target));
      return row === undefined ? undefined : toStored(row);
    },
    count: async () => guard('read', () => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sboms').get()?.n ?? 0),
    async list({ after, limit }) {
      const rows = guard('read', () => (after === undefined ? firstPage.all(limit) : nextPage.all(after, limit)));
      return rows.map(toStored);
    },
    async setBaselines(entries) {
      guard('write', () => setBaselines(entries));
    },
    remove: async (target) => guard('write', () => db.prepare('DELETE FROM sboms WHERE target = ?').run(target).changes > 0),
    async close() {
      db.close();
    },
  };
}
