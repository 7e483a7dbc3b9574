import { homedir } from 'node:os';
import path from 'node:path';

/** `$RAMPART_HOME/vulndb.sqlite`, or `~/.cache/rampart/vulndb.sqlite` (DESIGN.md §3). */
export function defaultDbPath(env: Readonly<Record<string, string | undefined>>): string {
  const home = env['RAMPART_HOME'];
  if (home !== undefined && home !== '') return path.join(home, 'vulndb.sqlite');
  const cache = env['XDG_CACHE_HOME'];
  return path.join(cache !== undefined && cache !== '' ? cache : path.join(homedir(), '.cache'), 'rampart', 'vulndb.sqlite');
}
