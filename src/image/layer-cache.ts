import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RampartError } from '../core/index.js';
import type { LayerCache } from './image-types.js';

/** `$RAMPART_HOME`, else `~/.cache/rampart` (DESIGN.md §3). */
export function rampartCacheHome(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const home = env['RAMPART_HOME'];
  return home !== undefined && home !== '' ? home : path.join(os.homedir(), '.cache', 'rampart');
}

/**
 * Per-layer results keyed by the layer's diffID plus the analyzers' ids and versions, in SQLite at
 * `<home>/layer-cache.sqlite`. A layer whose key matches is never read again. Values are JSON.
 */
export function openLayerCache(options: { home?: string } = {}): LayerCache {
  const home = options.home ?? rampartCacheHome();
  const file = path.join(home, 'layer-cache.sqlite');
  let db: Database.Database;
  try {
    mkdirSync(home, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS layer_facts (
      diff_id TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      stored_at INTEGER NOT NULL,
      PRIMARY KEY (diff_id, key)
    ) WITHOUT ROWID`);
  } catch (error) {
    throw new RampartError('STORE_ERROR', `cannot open the layer cache ${file}: ${(error as Error).message}`, { location: { file }, cause: error });
  }
  const select = db.prepare<[string, string], { value: string }>('SELECT value FROM layer_facts WHERE diff_id = ? AND key = ?');
  const upsert = db.prepare<[string, string, string, number]>(
    'INSERT INTO layer_facts (diff_id, key, value, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (diff_id, key) DO UPDATE SET value = excluded.value, stored_at = excluded.stored_at',
  );
  return {
    get(diffId, key) {
      const row = select.get(diffId, key);
      if (row === undefined) return undefined;
      try {
        return JSON.parse(row.value) as unknown;
      } catch (error) {
        throw new RampartError('STORE_ERROR', `layer cache ${file}: corrupt value for ${diffId}`, { location: { file }, cause: error });
      }
    },
    put(diffId, key, value) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new RampartError('INTERNAL', 'layer cache values must be JSON-serialisable');
      upsert.run(diffId, key, json, Date.now());
    },
    close() {
      db.close();
    },
  };
}
