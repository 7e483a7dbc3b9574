import os from 'node:os';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { SbomStore } from './sbom-store.js';
import { openPostgresSbomStore } from './postgres-sbom-store.js';
import { openSqliteSbomStore } from './sqlite-sbom-store.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The SBOM store is state (DESIGN.md §3): `$RAMPART_HOME/sbom-store.sqlite`, else
 * `$XDG_DATA_HOME/rampart/sbom-store.sqlite`, else `~/.local/share/rampart/sbom-store.sqlite`.
 */
export function defaultStorePath(env: Env): string {
  const home = env['RAMPART_HOME'];
  if (home !== undefined && home !== '') return path.join(home, 'sbom-store.sqlite');
  const data = env['XDG_DATA_HOME'];
  const base = data !== undefined && data !== '' ? data : path.join(env['HOME'] ?? os.homedir(), '.local', 'share');
  return path.join(base, 'rampart', 'sbom-store.sqlite');
}

/**
 * Opens the store named by `spec`: a `postgres://` / `postgresql://` URL (schema from its `schema`
 * query parameter, default `rampart_sboms`) or a SQLite file path. `create: false` (re-matching)
 * refuses a missing SQLite file.
 */
export async function openSbomStore(spec: string, options: { readonly create?: boolean } = {}): Promise<SbomStore> {
  if (/^postgres(ql)?:\/\//.test(spec)) {
    const url = new URL(spec);
    const schema = url.searchParams.get('schema') ?? 'rampart_sboms';
    url.searchParams.delete('schema');
    return openPostgresSbomStore(url.toString(), schema);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new RampartError('USAGE', `the SBOM store ${spec}: give a SQLite file path or a postgres:// URL`);
  }
  return openSqliteSbomStore(spec, options);
}
