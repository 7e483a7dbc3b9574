import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { AppendBatch, EntryFilter, StoredCheckpoint, StoredEntry, TrailStore } from './trail-store.js';
import { nodeKey } from './trail-store.js';
import type { NodeId } from './tree-ranges.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  seq INTEGER PRIMARY KEY, data TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL,
  container TEXT, container_name TEXT, time_ms INTEGER NOT NULL, dedupe TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_dedupe ON entries(dedupe);
CREATE INDEX IF NOT EXISTS entries_container ON entries(container, time_ms);
CREATE INDEX IF NOT EXISTS entries_time ON entries(time_ms);
CREATE TABLE IF NOT EXISTS nodes (id INTEGER PRIMARY KEY, hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (size INTEGER PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

interface EntryRow {
  seq: number; data: string; kind: string; action: string;
  container: string | null; container_name: string | null; time_ms: number; dedupe: string;
}

function toEntry(row: EntryRow): StoredEntry {
  return {
    index: row.seq, data: row.data, kind: row.kind, action: row.action,
    container: row.container ?? undefined, containerName: row.container_name ?? undefined, timeMs: row.time_ms, dedupeKey: row.dedupe,
  };
}

/**
 * The default store: one SQLite file in WAL mode with synchronous=FULL, so a committed append has
 * been fsynced before `append` resolves. Tree nodes (leaves included) sit in a rowid table keyed
 * by one integer.
 */
export function openSqliteStore(file: string): TrailStore {
  mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache keeps the index pages hot for logs of millions of entries.
    db.pragma('cache_size = -65536');
    // Fewer, larger WAL checkpoints: pages rewritten by consecutive batches are copied back once.
    db.pragma('wal_autocheckpoint = 16384');
    db.exec(SCHEMA);
  } catch (error) {
    throw new RampartError('STORE_ERROR', `cannot open the trail database ${file}`, { cause: error });
  }
  const insertEntry = db.prepare('INSERT INTO entries (seq, data, kind, action, container, container_name, time_ms, dedupe) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertNode = db.prepare('INSERT INTO nodes (id, hash) VALUES (?, ?)');
  const insertCheckpoint = db.prepare('INSERT INTO checkpoints (size, note) VALUES (?, ?)');
  const upsertCursor = db.prepare('INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
  const latest = db.prepare<[], StoredCheckpoint>('SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1');
  // One statement for all the nodes a proof needs (up to ~8 stored nodes per derived one).
  const nodesIn = db.prepare<[string], { id: number; hash: Buffer }>('SELECT id, hash FROM nodes WHERE id IN (SELECT value FROM json_each(?))');
  const knownKeys = db.prepare<[string], { dedupe: string }>('SELECT dedupe FROM entries WHERE dedupe IN (SELECT value FROM json_each(?))');
  const currentSize = (): number => latest.get()?.size ?? 0;

  const appendTx = db.transaction((batch: AppendBatch) => {
    const size = currentSize();
    if (size !== batch.fromSize) throw new RampartError('STORE_ERROR', `trail moved on: size ${size}, batch built on ${batch.fromSize}`);
    for (const e of batch.entries) {
      insertEntry.run(e.index, e.data, e.kind, e.action, e.container ?? null, e.containerName ?? null, e.timeMs, e.dedupeKey);
    }
    for (const n of batch.nodes) insertNode.run(nodeKey(n.level, n.index), n.hash);
    insertCheckpoint.run(batch.checkpoint.size, batch.checkpoint.note);
    for (const [name, value] of Object.entries(batch.cursors ?? {})) upsertCursor.run(name, value);
  });

  return {
    kind: 'sqlite',
    size: async () => currentSize(),
    async append(batch) {
      try {
        appendTx.immediate(batch);
      } catch (error) {
        if (error instanceof RampartError) throw error;
        throw new RampartError('STORE_ERROR', 'trail append failed', { cause: error });
      }
    },
    async readNodes(ids: readonly NodeId[]) {
      const keys = ids.map((id) => nodeKey(id.level, id.index));
      const found = new Map<number, Buffer>();
      if (keys.length > 0) for (const r of nodesIn.all(JSON.stringify(keys))) found.set(r.id, r.hash);
      return ids.map((id, i) => {
        const row = found.get(keys[i] as number);
        if (row === undefined) throw new RampartError('DB_CORRUPT', `trail node ${id.level}/${id.index} is missing`);
        return row;
      });
    },
    async readEntries(from, limit) {
      return db.prepare<[number, number], EntryRow>('SELECT * FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?').all(from, limit).map(toEntry);
    },
    async findKeys(keys) {
      if (keys.length === 0) return new Set();
      return new Set(knownKeys.all(JSON.stringify(keys)).map((r) => r.dedupe));
    },
    latestCheckpoint: async () => latest.get(),
    checkpoints: async () => db.prepare<[], StoredCheckpoint>('SELECT size, note FROM checkpoints ORDER BY size').all(),
    async query(filter: EntryFilter) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (filter.container !== undefined) {
        where.push('(container = ? OR container_name = ? OR container LIKE ?)');
        args.push(filter.container, filter.container.replace(/^\//, ''), `${filter.container}%`);
      }
      if (filter.action !== undefined) { where.push('action = ?'); args.push(filter.action); }
      if (filter.kind !== undefined) { where.push('kind = ?'); args.push(filter.kind); }
      if (filter.sinceMs !== undefined) { where.push('time_ms >= ?'); args.push(filter.sinceMs); }
      if (filter.untilMs !== undefined) { where.push('time_ms <= ?'); args.push(filter.untilMs); }
      const sql = `SELECT * FROM entries ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`;
      return db.prepare<(string | number)[], EntryRow>(sql).all(...args, filter.limit ?? -1).map(toEntry);
    },
    cursor: async (name) => db.prepare<[string], { value: string }>('SELECT value FROM cursors WHERE name = ?').get(name)?.value,
    async close() {
      db.close();
    },
  };
}
