import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RampartError } from '../core/index.js';

/** OSV's public bucket, laid out as `<base>/<Ecosystem>/{all.zip, modified_id.csv, <ID>.json}`. */
export const OSV_PUBLIC_BASE = 'https://osv-vulnerabilities.storage.googleapis.com';

/** The ecosystems `db update` fetches by default (DESIGN.md §4). */
export const defaultEcosystems = [
  'AlmaLinux', 'Alpine', 'Chainguard', 'Debian', 'Go', 'Maven', 'NuGet', 'Packagist', 'PyPI', 'Red Hat',
  'Rocky Linux', 'RubyGems', 'SUSE', 'Ubuntu', 'Wolfi', 'crates.io', 'npm',
] as const;

/** A place laid out like OSV's bucket: an HTTP(S) base URL or a local directory. */
export interface OsvMirror {
  readonly location: string;
  /** The bytes at `<Ecosystem>/<name>`, or undefined when absent (HTTP 404, missing file). */
  get(ecosystem: string, name: string): Promise<Buffer | undefined>;
  /** A local file holding `<Ecosystem>/<name>` (downloaded to a temp file for URLs); `release` deletes it. */
  file(ecosystem: string, name: string): Promise<{ path: string; release(): Promise<void> } | undefined>;
}

export function openOsvMirror(location: string, fetchImpl: typeof fetch = fetch): OsvMirror {
  if (/^https?:\/\//i.test(location)) {
    const base = location.replace(/\/+$/, '');
    const url = (eco: string, name: string): string => `${base}/${encodeURIComponent(eco)}/${encodeURIComponent(name)}`;
    const get = async (eco: string, name: string): Promise<Buffer | undefined> => {
      let response: Response;
      try {
        response = await fetchImpl(url(eco, name));
      } catch (error) {
        throw new RampartError('NETWORK_ERROR', `cannot fetch ${url(eco, name)}`, { cause: error });
      }
      if (response.status === 404) return undefined;
      if (!response.ok) throw new RampartError('NETWORK_ERROR', `${url(eco, name)}: HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    };
    return {
      location: base,
      get,
      async file(eco, name) {
        const bytes = await get(eco, name);
        if (bytes === undefined) return undefined;
        const tmp = path.join(tmpdir(), `rampart-osv-${randomBytes(6).toString('hex')}-${path.basename(name)}`);
        await writeFile(tmp, bytes);
        return { path: tmp, release: () => rm(tmp, { force: true }) };
      },
    };
  }
  const root = path.resolve(location);
  if (!existsSync(root)) throw new RampartError('FILE_NOT_FOUND', `${root}: no such directory`, { location: { file: root } });
  return {
    location: root,
    async get(eco, name) {
      const file = path.join(root, eco, name);
      return existsSync(file) ? readFile(file) : undefined;
    },
    async file(eco, name) {
      const file = path.join(root, eco, name);
      return existsSync(file) ? { path: file, release: async () => undefined } : undefined;
    },
  };
}

/** `modified_id.csv`: one `timestamp,ID` per line, newest first. */
export function parseModifiedIds(text: string): { modified: string; id: string }[] {
  const rows: { modified: string; id: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const comma = trimmed.indexOf(',');
    if (comma < 0) continue;
    const modified = trimmed.slice(0, comma);
    const id = trimmed.slice(comma + 1);
    if (Number.isNaN(Date.parse(modified)) || !/^[A-Za-z0-9._:-]+$/.test(id)) continue;
    rows.push({ modified, id });
  }
  return rows;
}
