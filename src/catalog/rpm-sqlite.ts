import Database from 'better-sqlite3';
import type { BlobsResult } from './rpm-bdb.js';

/** Header blobs from rpm ≥ 4.16's SQLite database (`rpmdb.sqlite`, table Packages(hnum, blob)). */
export function readSqliteBlobs(db: Buffer): BlobsResult {
  if (db.length < 100 || db.toString('latin1', 0, 15) !== 'SQLite format 3') return { ok: false, reason: 'not an SQLite database' };
  let conn: Database.Database | undefined;
  try {
    // opened from memory (deserialized): nothing of the image is written to the host
    // a WAL-mode file (header bytes 18/19 = 2) cannot be opened from memory: read it as a
    // rollback-journal database (the WAL file itself is not part of what rpm committed)
    const image = Buffer.from(db);
    if (image[18] === 2) image[18] = 1;
    if (image[19] === 2) image[19] = 1;
    conn = new Database(image);
    const rows = conn.prepare('SELECT blob FROM Packages ORDER BY hnum').raw().all() as unknown[][];
    const blobs: Buffer[] = [];
    for (const row of rows) {
      const b = row[0];
      if (Buffer.isBuffer(b)) blobs.push(b);
    }
    return { ok: true, blobs };
  } catch (error) {
    return { ok: false, reason: `cannot read the Packages table: ${(error as Error).message}` };
  } finally {
    conn?.close();
  }
}
