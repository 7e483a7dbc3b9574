/** One decoded ustar/GNU/pax header block (before pax and GNU long-name records are applied). */
export interface TarHeaderBlock {
  readonly name: string;
  readonly linkname: string;
  /** The raw typeflag character (`0`, `5`, `x`, `L`...). */
  readonly typeflag: string;
  readonly size: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

export const tarBlock = 512;

export function cString(buf: Buffer): string {
  const end = buf.indexOf(0);
  return buf.subarray(0, end < 0 ? buf.length : end).toString('utf8');
}

/** Octal (or GNU base-256) numeric field; -1 when malformed. */
export function readNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return Number.isSafeInteger(value) ? value : -1;
  }
  let value = 0;
  let seen = false;
  for (const byte of field) {
    if (byte === 0 || byte === 0x20) {
      if (seen) break;
      continue;
    }
    if (byte < 0x30 || byte > 0x37) return -1;
    value = value * 8 + (byte - 0x30);
    seen = true;
  }
  return value;
}

export function isZeroBlock(header: Buffer): boolean {
  for (let i = 0; i < tarBlock; i++) if (header[i] !== 0) return false;
  return true;
}

function checksumMatches(header: Buffer): boolean {
  const stored = readNumber(header.subarray(148, 156));
  let sum = 8 * 32;
  for (let i = 0; i < tarBlock; i++) if (i < 148 || i >= 156) sum += header[i] ?? 0;
  return stored === sum;
}

/** Decodes a 512-byte header block; a string names what is wrong with it. */
export function decodeTarHeader(header: Buffer): TarHeaderBlock | string {
  if (!checksumMatches(header)) return 'invalid tar header checksum (not a tar stream, or corrupt)';
  const size = readNumber(header.subarray(124, 136));
  if (size < 0) return 'invalid size field in tar header';
  const magic = header.subarray(257, 263).toString('latin1');
  const prefix = magic.startsWith('ustar') ? cString(header.subarray(345, 500)) : '';
  const shortName = cString(header.subarray(0, 100));
  return {
    name: prefix === '' ? shortName : `${prefix}/${shortName}`,
    linkname: cString(header.subarray(157, 257)),
    typeflag: String.fromCharCode(header[156] ?? 0),
    size,
    mode: Math.max(0, readNumber(header.subarray(100, 108))),
    uid: Math.max(0, readNumber(header.subarray(108, 116))),
    gid: Math.max(0, readNumber(header.subarray(116, 124))),
  };
}

/** Parses pax extended-header records (`<len> key=value\n`). */
export function parsePax(data: Buffer): Record<string, string> {
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

/** What a member is, by its typeflag (`\0` and `7`, contiguous, are plain files). */
export type TarMemberKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export function tarMemberKind(typeflag: string): TarMemberKind {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
      return 'file';
    case '5':
      return 'dir';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      return 'other';
  }
}

/** Typeflags of records that describe the next member (pax `x`, GNU `L`/`K`) or none (pax global `g`). */
export const extensionTypeflags: ReadonlySet<string> = new Set(['x', 'g', 'L', 'K']);

/** The largest extension record either reader accepts. */
export const maxExtensionSize = 1024 * 1024;

/** GNU long-name/long-link and pax records read since the last member: they apply to the next one. */
export interface TarExtensions {
  /** Takes one extension record's data; a pax global header (`g`) applies to no member and is dropped, as Go's archive/tar (and so Trivy) does. */
  record(typeflag: string, data: Buffer): void;
  /** The member's name and link name with the pending records applied (pax over GNU over the header), and its pax records; clears them. */
  apply(header: TarHeaderBlock): { name: string; linkname: string; pax: Readonly<Record<string, string>> };
}

export function tarExtensions(): TarExtensions {
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  return {
    record(typeflag, data) {
      if (typeflag === 'L') longName = cString(data);
      else if (typeflag === 'K') longLink = cString(data);
      else if (typeflag === 'x') pax = parsePax(data);
    },
    apply(header) {
      const applied = { name: pax['path'] ?? longName ?? header.name, linkname: pax['linkpath'] ?? longLink ?? header.linkname, pax };
      longName = undefined;
      longLink = undefined;
      pax = {};
      return applied;
    },
  };
}
