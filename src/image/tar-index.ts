import type { FileHandle } from 'node:fs/promises';
import { RampartError } from '../core/index.js';

/** One member of an uncompressed tar file, located by byte offset so it can be streamed without extraction. */
export interface TarMember {
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  readonly offset: number;
  readonly size: number;
  readonly linkname: string;
}

const block = 512;

/** Archive member names as lookup keys: `./a//b/` → `a/b`. Never used as host paths. */
export function memberKey(name: string): string {
  return name.split('/').filter((p) => p !== '' && p !== '.').join('/');
}

/**
 * Reads only the headers of a plain tar file (ustar, pax `path`/`linkpath`, GNU long names, base-256
 * sizes) and returns its members by key. Data blocks are skipped by seeking, so indexing a 1 GB
 * `docker save` reads a few kilobytes. Malformed headers are BAD_ARCHIVE with the byte offset.
 */
export async function indexTar(handle: FileHandle, file: string, maxEntries: number): Promise<Map<string, TarMember>> {
  const { size: fileSize } = await handle.stat();
  const members = new Map<string, TarMember>();
  const header = Buffer.alloc(block);
  let offset = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  const fail = (why: string): RampartError =>
    new RampartError('BAD_ARCHIVE', `${file}: ${why} at byte offset ${offset}`, { location: { file }, detail: { offset } });

  for (;;) {
    if (offset + block > fileSize) {
      if (members.size === 0) throw fail('not a tar archive (too short)');
      break; // tolerate a missing end-of-archive marker, as GNU tar does
    }
    await handle.read(header, 0, block, offset);
    if (header.every((b) => b === 0)) break;
    if (!checksumMatches(header)) throw fail('invalid tar header checksum (not a tar file, or corrupt)');
    const size = readSize(header);
    if (size < 0) throw fail('invalid size field');
    const typeflag = String.fromCharCode(header[156] ?? 0);
    const dataOffset = offset + block;
    if (dataOffset + size > fileSize) throw fail(`truncated member (needs ${size} bytes)`);
    const next = dataOffset + Math.ceil(size / block) * block;
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x') {
      if (size > 1024 * 1024) throw fail('oversized extended header');
      const data = Buffer.alloc(size);
      await handle.read(data, 0, size, dataOffset);
      if (typeflag === 'L') longName = cString(data);
      else if (typeflag === 'K') longLink = cString(data);
      else pax = parsePax(data);
      offset = next;
      continue;
    }
    if (typeflag === 'g') {
      offset = next;
      continue;
    }
    const prefix = cString(header.subarray(345, 500));
    const shortName = cString(header.subarray(0, 100));
    const name = pax['path'] ?? longName ?? (prefix === '' ? shortName : `${prefix}/${shortName}`);
    const linkname = pax['linkpath'] ?? longLink ?? cString(header.subarray(157, 257));
    longName = undefined;
    longLink = undefined;
    pax = {};
    const type = typeflag === '0' || typeflag === '\0' || typeflag === '7' ? 'file'
      : typeflag === '5' ? 'dir' : typeflag === '2' ? 'symlink' : typeflag === '1' ? 'hardlink' : 'other';
    members.set(memberKey(name), { name, type, offset: dataOffset, size, linkname });
    if (members.size > maxEntries) throw fail(`more than ${maxEntries} members (maxEntries)`);
    offset = next;
  }
  return members;
}

function cString(buf: Buffer): string {
  const end = buf.indexOf(0);
  return buf.subarray(0, end < 0 ? buf.length : end).toString('utf8');
}

function checksumMatches(header: Buffer): boolean {
  const stored = parseInt(cString(header.subarray(148, 156)).trim(), 8);
  let sum = 8 * 32;
  for (let i = 0; i < block; i++) if (i < 148 || i >= 156) sum += header[i] ?? 0;
  return stored === sum;
}

function readSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return Number.isSafeInteger(value) ? value : -1;
  }
  const text = cString(field).trim();
  if (text === '') return 0;
  const value = parseInt(text, 8);
  return Number.isNaN(value) ? -1 : value;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const length = parseInt(data.subarray(pos, space).toString('ascii'), 10);
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, pos + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += length;
  }
  return out;
}
