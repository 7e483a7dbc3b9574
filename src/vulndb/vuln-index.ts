import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { RampartError } from '../core/index.js';
import { ecosystemBase, normalizePackageName } from './ecosystem.js';
import type { OsvRecord } from './osv-record.js';

export const INDEX_SCHEMA_VERSION = '1';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
  id INTEGER PRIMARY KEY, location TEXT NOT NULL, kind TEXT NOT NULL, ecosystem TEXT,
  imported_at TEXT NOT NULL, last_modified TEXT, records INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE records (
  id TEXT PRIMARY KEY, modified TEXT NOT NULL, withdrawn TEXT, source_id INTEGER NOT NULL,
  origin TEXT NOT NULL, json TEXT NOT NULL
);
CREATE TABLE affected (record_id TEXT NOT NULL, ecosystem TEXT NOT NULL, base TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE aliases (record_id TEXT NOT NULL, alias TEXT NOT NULL);
`;

/** Secondary indexes, created after a fresh bulk load (much faster than maintaining them per row). */
const INDEXES = `
CREATE INDEX IF NOT EXISTS affected_lookup ON affected(base, name);
CREATE INDEX IF NOT EXISTS affected_record ON affected(record_id);
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases(alias);
CREATE INDEX IF NOT EXISTS aliases_record ON aliases(record_id);
`;

/** Where a stored record came from. */
export interface RecordOrigin {
  readonly sourceId: number;
  /** The file (or `archive!member`) the record was read from. */
  readonly origin: string;
}

export interface SourceInfo {
  readonly id: number;
  readonly location: string;
  readonly kind: string;
  readonly ecosystem: string | null;
  readonly importedAt: string;
  readonly lastModified: string | null;
  readonly records: number;
}

export interface StoredRecord {
  readonly record: OsvRecord;
  readonly source: string;
  readonly origin: string;
}

/** A writable index (used while building or updating, on a temporary file). */
export interface IndexWriter {
  addSource(location: string, kind: string, ecosystem?: string): number;
  finishSource(id: number, records: number, lastModified?: string): void;
  /** Stores a record; with `merge`, an existing record of the same id gains the new `affected` entries. */
  put(record: OsvRecord, origin: RecordOrigin, merge?: boolean): void;
  /** Runs `fn` in one transaction (much faster for bulk loads). */
  transaction<T>(fn: () => T): T;
  sourceState(location: string, ecosystem: string): SourceInfo | undefined;
  close(): void;
}

/** A read-only view for matchers and `db status`. */
export interface VulnIndex {
  readonly file: string;
  /** Records affecting `name` in the ecosystem family `base` (`Debian`, `npm`...). */
  recordsFor(base: string, name: string): StoredRecord[];
  /** Records whose id or aliases include `id` (for severity fall-back across sources). */
  recordsByAlias(id: string): StoredRecord[];
  status(): IndexStatus;
  close(): void;
}

export interface IndexStatus {
  readonly file: string;
  readonly schemaVersion: string;
  readonly updatedAt: string | undefined;
  readonly records: number;
  readonly withdrawn: number;
  readonly ecosystems: readonly { readonly ecosystem: string; readonly records: number }[];
  readonly sources: readonly SourceInfo[];
}

interface SourceRow {
  id: number;
  location: string;
  kind: string;
  ecosystem: string | null;
  imported_at: string;
  last_modified: string | null;
  records: number;
}

const toSource = (r: SourceRow): SourceInfo => ({
  id: r.id,
  location: r.location,
  kind: r.kind,
  ecosystem: r.ecosystem,
  importedAt: r.imported_at,
  lastModified: r.last_modified,
  records: r.records,
});

/** Creates a fresh index file (which must not exist), or opens an existing copy for update. */
export function openIndexWriter(file: string, options: { create: boolean; now: () => Date }): IndexWriter {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  // ids written in this session: a fresh build only has stale rows to delete for ids it saw before
  const written = new Set<string>();
  if (options.create) {
    db.exec(SCHEMA);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', INDEX_SCHEMA_VERSION);
  }
  const getRecord = db.prepare<[string], { json: string }>('SELECT json FROM records WHERE id = ?');
  const deleteAffected = db.prepare('DELETE FROM affected WHERE record_id = ?');
  const deleteAliases = db.prepare('DELETE FROM aliases WHERE record_id = ?');
  const upsert = db.prepare(
    'INSERT INTO records (id, modified, withdrawn, source_id, origin, json) VALUES (?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT(id) DO UPDATE SET modified = excluded.modified, withdrawn = excluded.withdrawn, source_id = excluded.source_id, origin = excluded.origin, json = excluded.json',
  );
  const insertAffected = db.prepare('INSERT INTO affected (record_id, ecosystem, base, name) VALUES (?, ?, ?, ?)');
  const insertAlias = db.prepare('INSERT INTO aliases (record_id, alias) VALUES (?, ?)');
  const touch = (): void => {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run('updated_at', options.now().toISOString());
  };
  return {
    addSource(location, kind, ecosystem) {
      const info = db
        .prepare('INSERT INTO sources (location, kind, ecosystem, imported_at) VALUES (?, ?, ?, ?)')
        .run(location, kind, ecosystem ?? null, options.now().toISOString());
      return Number(info.lastInsertRowid);
    },
    finishSource(id, records, lastModified) {
      db.prepare('UPDATE sources SET records = ?, last_modified = ? WHERE id = ?').run(records, lastModified ?? null, id);
      touch();
    },
    put(record, origin, merge = false) {
      let stored = record;
      const mayExist = !options.create || written.has(record.id);
      const existing = merge && mayExist ? getRecord.get(record.id) : undefined;
      if (existing !== undefined) {
        const old = JSON.parse(existing.json) as OsvRecord;
        stored = {
          ...old,
          modified: old.modified > record.modified ? old.modified : record.modified,
          aliases: [...new Set([...(old.aliases ?? []), ...(record.aliases ?? [])])],
          affected: [...(old.affected ?? []), ...(record.affected ?? [])],
        };
      }
      if (mayExist) {
        deleteAffected.run(stored.id);
        deleteAliases.run(stored.id);
      }
      written.add(stored.id);
      upsert.run(stored.id, stored.modified, stored.withdrawn ?? null, origin.sourceId, origin.origin, JSON.stringify(stored));
      const seen = new Set<string>();
      for (const a of stored.affected ?? []) {
        if (a.package === undefined) continue;
        const base = ecosystemBase(a.package.ecosystem);
        const key = `${a.package.ecosystem}\u0000${a.package.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        insertAffected.run(stored.id, a.package.ecosystem, base, normalizePackageName(base, a.package.name));
      }
      for (const alias of new Set([...(stored.aliases ?? []), ...(stored.upstream ?? [])])) insertAlias.run(stored.id, alias);
    },
    transaction: (fn) => db.transaction(fn)(),
    sourceState(location, ecosystem) {
      const row = db
        .prepare<[string, string], SourceRow>('SELECT * FROM sources WHERE location = ? AND ecosystem = ? ORDER BY id DESC LIMIT 1')
        .get(location, ecosystem);
      return row === undefined ? undefined : toSource(row);
    },
    close() {
      touch();
      db.exec(INDEXES);
      db.close();
    },
  };
}

/** Opens an index read-only. Missing file → DB_MISSING; not an index → DB_CORRUPT. */
export function openVulnIndex(file: string): VulnIndex {
  if (!existsSync(file)) {
    throw new RampartError('DB_MISSING', `no vulnerability database at ${file}: run 'rampart db update' or 'rampart db build --from PATH'`, {
      location: { file },
    });
  }
  let db: Database.Database;
  let schemaVersion: string;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
    if (row === undefined) throw new Error('no schema_version');
    schemaVersion = row.value;
  } catch (error) {
    throw new RampartError('DB_CORRUPT', `${file} is not a Rampart vulnerability database`, { cause: error, location: { file } });
  }
  const byPackage = db.prepare<[string, string], { json: string; location: string; origin: string }>(
    'SELECT DISTINCT r.json, s.location, r.origin FROM affected a JOIN records r ON r.id = a.record_id JOIN sources s ON s.id = r.source_id WHERE a.base = ? AND a.name = ?',
  );
  const byAlias = db.prepare<[string, string], { json: string; location: string; origin: string }>(
    'SELECT DISTINCT r.json, s.location, r.origin FROM records r JOIN sources s ON s.id = r.source_id WHERE r.id = ? OR r.id IN (SELECT record_id FROM aliases WHERE alias = ?)',
  );
  const toStored = (row: { json: string; location: string; origin: string }): StoredRecord => ({
    record: JSON.parse(row.json) as OsvRecord,
    source: row.location,
    origin: row.origin,
  });
  return {
    file,
    recordsFor: (base, name) => byPackage.all(base, normalizePackageName(base, name)).map(toStored),
    recordsByAlias: (id) => byAlias.all(id, id).map(toStored),
    status() {
      const count = (sql: string): number => (db.prepare<[], { n: number }>(sql).get()?.n ?? 0);
      const updated = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'updated_at'").get();
      return {
        file,
        schemaVersion,
        updatedAt: updated?.value,
        records: count('SELECT COUNT(*) AS n FROM records'),
        withdrawn: count('SELECT COUNT(*) AS n FROM records WHERE withdrawn IS NOT NULL'),
        ecosystems: db
          .prepare<[], { ecosystem: string; records: number }>(
            'SELECT base AS ecosystem, COUNT(DISTINCT record_id) AS records FROM affected GROUP BY base ORDER BY base',
          )
          .all(),
        sources: db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY id').all().map(toSource),
      };
    },
    close: () => db.close(),
  };
}
