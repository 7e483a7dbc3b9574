import type { Executable } from './executable.js';
import { parseExecutable, readAt } from './executable.js';

/** What `go version -m` shows: the Go version, the main module and its dependencies. */
export interface GoBuildInfo {
  readonly goVersion: string;
  readonly main?: { readonly path: string; readonly version: string };
  readonly deps: { readonly path: string; readonly version: string }[];
  readonly settings: ReadonlyMap<string, string>;
}

export type GoBuildInfoResult = { ok: true; info: GoBuildInfo } | { ok: false; reason: string; notGo?: boolean };

const magic = Buffer.from('\xff Go buildinf:', 'latin1');

function uvarint(b: Buffer, at: number): [number, number] {
  let x = 0;
  let shift = 0;
  for (let i = at; i < b.length && i < at + 10; i++) {
    const byte = b[i] ?? 0;
    x += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [x, i + 1];
    shift += 7;
  }
  return [-1, at];
}

/** Reads the build info blob (Go ≥ 1.18 inline strings, older pointer-to-string-header form). */
export function readGoBuildInfo(file: Buffer): GoBuildInfoResult {
  const parsed = parseExecutable(file);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, notGo: true };
  let at = file.indexOf(magic);
  while (at >= 0 && at % 16 !== 0) at = file.indexOf(magic, at + 1);
  if (at < 0) return { ok: false, reason: 'no Go build info', notGo: true };
  const ptrSize = file[at + 14] ?? 8;
  const flags = file[at + 15] ?? 0;
  let version: string;
  let modinfo: string;
  if ((flags & 2) !== 0) {
    let pos = at + 32;
    const [vlen, p1] = uvarint(file, pos);
    version = file.toString('utf8', p1, p1 + vlen);
    pos = p1 + vlen;
    const [mlen, p2] = uvarint(file, pos);
    modinfo = file.toString('utf8', p2, p2 + mlen);
  } else {
    const bigEndian = (flags & 1) !== 0;
    const readPtr = (b: Buffer, off: number): bigint =>
      ptrSize === 8 ? (bigEndian ? b.readBigUInt64BE(off) : b.readBigUInt64LE(off)) : BigInt(bigEndian ? b.readUInt32BE(off) : b.readUInt32LE(off));
    const readString = (exe: Executable, ptr: bigint): string | undefined => {
      const header = readAt(file, exe, ptr, ptrSize * 2);
      if (header === undefined) return undefined;
      const data = readPtr(header, 0);
      const len = Number(readPtr(header, ptrSize));
      return readAt(file, exe, data, len)?.toString('utf8');
    };
    const v = readString(parsed.exe, readPtr(file, at + 16));
    const m = readString(parsed.exe, readPtr(file, at + 16 + ptrSize));
    if (v === undefined || m === undefined) return { ok: false, reason: 'Go build info points outside the file' };
    version = v;
    modinfo = m;
  }
  // modinfo is framed by 16-byte sentinels
  if (modinfo.length >= 33 && modinfo.charCodeAt(modinfo.length - 17) === 0x0a) modinfo = modinfo.slice(16, -16);
  return { ok: true, info: parseModinfo(version, modinfo) };
}

function parseModinfo(goVersion: string, modinfo: string): GoBuildInfo {
  let main: { path: string; version: string } | undefined;
  const deps: { path: string; version: string }[] = [];
  const settings = new Map<string, string>();
  for (const line of modinfo.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'mod' && f[1] !== undefined) main = { path: f[1], version: f[2] ?? '' };
    else if (f[0] === 'dep' && f[1] !== undefined) deps.push({ path: f[1], version: f[2] ?? '' });
    else if (f[0] === '=>' && f[1] !== undefined && deps.length > 0) deps[deps.length - 1] = { path: f[1], version: f[2] ?? '' };
    else if (f[0] === 'build' && f[1] !== undefined) {
      const eq = f[1].indexOf('=');
      if (eq > 0) settings.set(f[1].slice(0, eq), f[1].slice(eq + 1));
    }
  }
  return { goVersion, ...(main !== undefined ? { main } : {}), deps, settings };
}
