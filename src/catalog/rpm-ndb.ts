import type { BlobsResult } from './rpm-bdb.js';

/**
 * Header blobs from rpm's NDB database (`Packages.db`, SUSE): a little-endian header ('RpmP',
 * version, generation, number of slot pages), slot entries of 16 bytes ('Slot', package index,
 * block offset, block count), and blobs at offset*16 ('BlbS', package index, checksum, length).
 */
const headerMagic = 0x506d7052; // 'RpmP'
const slotMagic = 0x746f6c53; // 'Slot'
const blobMagic = 0x53626c42; // 'BlbS'
const blockSize = 16;
const slotsPerPage = 4096 / 16;

export function readNdbBlobs(db: Buffer): BlobsResult {
  if (db.length < 32 || db.readUInt32LE(0) !== headerMagic) return { ok: false, reason: 'not an rpm NDB database (bad magic)' };
  if (db.readUInt32LE(4) !== 0) return { ok: false, reason: `unsupported NDB version ${db.readUInt32LE(4)}` };
  const slotPages = db.readUInt32LE(12);
  const slotCount = slotPages * slotsPerPage - 2;
  if (32 + slotCount * 16 > db.length) return { ok: false, reason: `slot table (${slotPages} pages) exceeds the file` };
  const blobs: Buffer[] = [];
  for (let i = 0; i < slotCount; i++) {
    const at = 32 + i * 16;
    if (db.readUInt32LE(at) !== slotMagic) return { ok: false, reason: `slot ${i} has a bad magic` };
    const pkgIndex = db.readUInt32LE(at + 4);
    if (pkgIndex === 0) continue;
    const offset = db.readUInt32LE(at + 8) * blockSize;
    if (offset + 16 > db.length || db.readUInt32LE(offset) !== blobMagic) return { ok: false, reason: `slot ${i}: no blob at ${offset}` };
    if (db.readUInt32LE(offset + 4) !== pkgIndex) return { ok: false, reason: `slot ${i}: blob belongs to package ${db.readUInt32LE(offset + 4)}` };
    const length = db.readUInt32LE(offset + 12);
    if (offset + 16 + length > db.length) return { ok: false, reason: `slot ${i}: blob of ${length} bytes exceeds the file` };
    blobs.push(db.subarray(offset + 16, offset + 16 + length));
  }
  return { ok: true, blobs };
}
