import os from 'node:os';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { SbomStore } from './sbom-store.js';
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
 * Opens the store named by `spec` (a SQLite file path). `create: false` (re-matching) refuses a
 * missing store. Database URLs are refused until a server-side implementation exists.
 */
export function openSbomStore(spec: string, options: { readonly create?: boolean } = {}): SbomStore {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new RampartError('USAGE', `the SBOM store ${spec}: only SQLite files are supported (give a file path)`);
  }
  return openSqliteSbomStore(spec, options);
}
