/**
 * RPM header blobs as stored in the rpm database (no lead, no magic): il, dl, il index entries of
 * {tag, type, offset, count}, then dl bytes of data (rpm's lib/header.c layout, big-endian).
 */
export interface RpmRecord {
  readonly name: string;
  readonly version: string;
  readonly release: string;
  readonly epoch: number | undefined;
  readonly arch: string;
  readonly sourceRpm: string;
  readonly size: number | undefined;
  readonly license: string;
  readonly vendor: string;
  readonly summary: string;
  readonly modularityLabel: string;
  readonly sigmd5: string;
  readonly files: string[];
}

const tag = {
  sigmd5: 261,
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  summary: 1004,
  size: 1009,
  vendor: 1011,
  license: 1014,
  arch: 1022,
  oldFilenames: 1027,
  sourceRpm: 1044,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
  modularityLabel: 5096,
} as const;

const type = { int16: 3, int32: 4, string: 6, bin: 7, stringArray: 8, i18nString: 9 } as const;

interface Entry {
  type: number;
  offset: number;
  count: number;
}

export type RpmHeaderResult = { ok: true; record: RpmRecord } | { ok: false; reason: string };

export function parseRpmHeader(blob: Buffer): RpmHeaderResult {
  if (blob.length < 8) return { ok: false, reason: 'header blob shorter than 8 bytes' };
  const il = blob.readUInt32BE(0);
  const dl = blob.readUInt32BE(4);
  const dataStart = 8 + il * 16;
  if (il > 0xffff || dl > 256 * 1024 * 1024 || dataStart + dl > blob.length) {
    return { ok: false, reason: `header index (${il} entries, ${dl} data bytes) exceeds the blob (${blob.length} bytes)` };
  }
  const entries = new Map<number, Entry>();
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const t = blob.readInt32BE(at);
    const offset = blob.readInt32BE(at + 8);
    if (offset < 0 || offset > dl) return { ok: false, reason: `tag ${t} points outside the data (${offset})` };
    entries.set(t, { type: blob.readUInt32BE(at + 4), offset, count: blob.readUInt32BE(at + 12) });
  }
  const data = blob.subarray(dataStart, dataStart + dl);
  const strings = (t: number): string[] => {
    const e = entries.get(t);
    if (e === undefined || (e.type !== type.string && e.type !== type.stringArray && e.type !== type.i18nString)) return [];
    const out: string[] = [];
    let pos = e.offset;
    const n = e.type === type.string ? 1 : e.count;
    for (let i = 0; i < n && pos < data.length; i++) {
      const end = data.indexOf(0, pos);
      const stop = end < 0 ? data.length : end;
      out.push(data.toString('utf8', pos, stop));
      pos = stop + 1;
    }
    return out;
  };
  const str = (t: number): string => strings(t)[0] ?? '';
  const ints = (t: number): number[] => {
    const e = entries.get(t);
    if (e === undefined) return [];
    const width = e.type === type.int32 ? 4 : e.type === type.int16 ? 2 : 0;
    if (width === 0 || e.offset + e.count * width > data.length) return [];
    const out: number[] = [];
    for (let i = 0; i < e.count; i++) out.push(width === 4 ? data.readInt32BE(e.offset + i * 4) : data.readUInt16BE(e.offset + i * 2));
    return out;
  };
  const name = str(tag.name);
  if (name === '') return { ok: false, reason: 'header has no NAME tag' };
  const md5 = entries.get(tag.sigmd5);
  const sigmd5 = md5 !== undefined && md5.type === type.bin ? data.toString('hex', md5.offset, Math.min(data.length, md5.offset + md5.count)) : '';
  let files: string[];
  const baseNames = strings(tag.baseNames);
  if (baseNames.length > 0) {
    const dirNames = strings(tag.dirNames);
    const dirIndexes = ints(tag.dirIndexes);
    files = baseNames.map((b, i) => `${dirNames[dirIndexes[i] ?? -1] ?? ''}${b}`);
  } else {
    files = strings(tag.oldFilenames);
  }
  const epoch = ints(tag.epoch)[0];
  const size = ints(tag.size)[0];
  return {
    ok: true,
    record: {
      name,
      version: str(tag.version),
      release: str(tag.release),
      epoch,
      arch: str(tag.arch),
      sourceRpm: str(tag.sourceRpm),
      size,
      license: str(tag.license),
      vendor: str(tag.vendor),
      summary: str(tag.summary),
      modularityLabel: str(tag.modularityLabel),
      sigmd5,
      files,
    },
  };
}

/** `name-version-release.src.rpm` → its parts (the release and version hold no `-`). */
export function splitSourceRpm(sourceRpm: string): { name: string; version: string; release: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(sourceRpm);
  if (m === null) return undefined;
  return { name: m[1] ?? '', version: m[2] ?? '', release: m[3] ?? '' };
}
