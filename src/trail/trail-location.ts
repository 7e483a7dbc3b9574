import os from 'node:os';
import path from 'node:path';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { TrailStore } from './trail-store.js';
import type { TrailKeys } from './signing-key.js';
import { loadOrCreateSigningKey } from './signing-key.js';

/** Where the trail keeps its state: `$RAMPART_HOME/trail`, default `~/.local/share/rampart/trail`. */
export function trailHome(env: Readonly<Record<string, string | undefined>>): string {
  const home = env['RAMPART_HOME'];
  const base = home !== undefined && home !== '' ? home : path.join(env['HOME'] ?? os.homedir(), '.local', 'share', 'rampart');
  return path.join(base, 'trail');
}

export interface TrailPaths {
  readonly database: string;
  readonly signingKey: string;
  readonly trustedCheckpoint: string;
}

export function trailPaths(env: Readonly<Record<string, string | undefined>>): TrailPaths {
  const dir = trailHome(env);
  return {
    database: path.join(dir, 'trail.db'),
    signingKey: path.join(dir, 'signing.key'),
    trustedCheckpoint: path.join(dir, 'trusted.checkpoint'),
  };
}

/**
 * Opens the store named by `spec`: a `postgres://` / `postgresql://` URL (schema from the URL's
 * `schema` query parameter, default `rampart_trail`) or a SQLite file path.
 */
export async function openStore(spec: string): Promise<TrailStore> {
  if (/^postgres(ql)?:\/\//.test(spec)) {
    const url = new URL(spec);
    const schema = url.searchParams.get('schema') ?? 'rampart_trail';
    url.searchParams.delete('schema');
    return openPostgresStore(url.toString(), schema);
  }
  return openSqliteStore(spec);
}

export interface TrailSession {
  readonly store: TrailStore;
  readonly keys: TrailKeys;
  readonly paths: TrailPaths;
}

/** Opens the store (`storeSpec`, default the SQLite file under the trail home) and the signing key. */
export async function openTrailSession(env: Readonly<Record<string, string | undefined>>, storeSpec?: string): Promise<TrailSession> {
  const paths = trailPaths(env);
  const keys = loadOrCreateSigningKey(paths.signingKey);
  const store = await openStore(storeSpec ?? paths.database);
  return { store, keys, paths };
}
