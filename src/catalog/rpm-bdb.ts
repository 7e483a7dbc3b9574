/**
 * Header blobs from a BerkeleyDB hash database (rpm < 4.16 `Packages`). Reads the metadata page for
 * byte order and page size, then every hash page's key/value pairs; package headers are always larger
 * than a page, so only values on overflow page chains (H_OFFPAGE) are headers; inline items are not.
 */
const hashMagic = 0x061561;
const pageTypeHash = 13;
const pageTypeHashUnsorted = 2;
const itemOffPage = 3;
const pageHeaderSize = 26;

export type BlobsResult = { ok: true; blobs: Buffer[] } | { ok: false; reason: string };

export function readBdbBlobs(db: Buffer): BlobsResult {
  if (db.length < 512) return { ok: false, reason: 'too short for a BerkeleyDB file' };
  let le = true;
  if (db.readUInt32LE(12) !== hashMagic) {
    if (db.readUInt32BE(12) !== hashMagic) return { ok: false, reason: 'not a BerkeleyDB hash database (bad magic)' };
    le = false;
  }
  const u32 = (at: number): number => (le ? db.readUInt32LE(at) : db.readUInt32BE(at));
  const u16 = (at: number): number => (le ? db.readUInt16LE(at) : db.readUInt16BE(at));
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return { ok: false, reason: `bad page size ${pageSize}` };
  const lastPage = Math.min(u32(32), Math.floor(db.length / pageSize) - 1);
  const blobs: Buffer[] = [];
  for (let pg = 1; pg <= lastPage; pg++) {
    const base = pg * pageSize;
    const pageType = db[base + 25];
    if (pageType !== pageTypeHash && pageType !== pageTypeHashUnsorted) continue;
    const entries = u16(base + 20);
    for (let i = 1; i < entries; i += 2) {
      // odd entries are values; each index is a page-relative offset
      const at = u16(base + pageHeaderSize + i * 2);
      if (at <= 0 || at >= pageSize) return { ok: false, reason: `page ${pg}: item offset ${at} outside the page` };
      const itemType = db[base + at];
      if (itemType === itemOffPage) {
        const result = readOverflow(db, pageSize, u32(base + at + 4), u32(base + at + 8), u32, u16);
        if (!result.ok) return result;
        blobs.push(result.blob);
      }
    }
  }
  return { ok: true, blobs };
}

function readOverflow(
  db: Buffer,
  pageSize: number,
  first: number,
  total: number,
  u32: (at: number) => number,
  u16: (at: number) => number,
): { ok: true; blob: Buffer } | { ok: false; reason: string } {
  const parts: Buffer[] = [];
  let got = 0;
  let pg = first;
  const seen = new Set<number>();
  while (pg !== 0 && got < total) {
    if (seen.has(pg) || (pg + 1) * pageSize > db.length) return { ok: false, reason: `overflow chain broken at page ${pg}` };
    seen.add(pg);
    const base = pg * pageSize;
    // on overflow pages hf_offset holds the number of bytes used
    const used = u16(base + 22);
    const take = Math.min(used, total - got, pageSize - pageHeaderSize);
    parts.push(db.subarray(base + pageHeaderSize, base + pageHeaderSize + take));
    got += take;
    pg = u32(base + 16);
  }
  if (got < total) return { ok: false, reason: `overflow chain from page ${first} ends after ${got} of ${total} bytes` };
  return { ok: true, blob: Buffer.concat(parts) };
}
