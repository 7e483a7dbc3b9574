import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RampartError, isRampartError } from '../core/index.js';
import type { BlobStore } from './blob-store.js';
import { createDecompressor, detectCompression } from './decompress-stream.js';
import type { ImageLimits } from './image-types.js';
import { openTarBlobStore } from './tar-blob-store.js';

/**
 * Opens an image archive file as a BlobStore. A plain tar is indexed in place; a gzip- or
 * zstd-compressed one (`docker save | gzip`) is first decompressed, within the size limit, into a
 * private temporary file that `close()` removes: as one blob, never extracted by member name.
 */
export async function openArchiveFile(file: string, limits: ImageLimits): Promise<BlobStore> {
  const head = Buffer.alloc(8);
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new RampartError('FILE_NOT_FOUND', `cannot open ${file}: ${(error as Error).message}`, { location: { file }, cause: error });
  });
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const decompressor = createDecompressor(detectCompression(head));
  if (decompressor === undefined) return openTarBlobStore(file, limits.maxEntries);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'rampart-archive-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const plain = path.join(dir, 'archive.tar');
  let written = 0;
  let compressedOffset = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, callback) {
      written += chunk.length;
      if (written > limits.maxDecompressedBytes) {
        callback(new RampartError('LIMIT_EXCEEDED', `${file} decompresses to more than ${limits.maxDecompressedBytes} bytes (maxDecompressedBytes)`, {
          location: { file },
          detail: { limit: 'maxDecompressedBytes', max: limits.maxDecompressedBytes },
        }));
        return;
      }
      callback(null, chunk);
    },
  });
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  source.on('data', (chunk: Buffer | string) => {
    compressedOffset += chunk.length;
  });
  try {
    await pipeline(source, decompressor, counter, createWriteStream(plain, { mode: 0o600 }));
    return await openTarBlobStore(plain, limits.maxEntries, cleanup);
  } catch (error) {
    await cleanup();
    if (isRampartError(error)) throw error;
    throw new RampartError('BAD_ARCHIVE', `${file}: corrupt or truncated compressed archive near offset ${compressedOffset}: ${(error as Error).message}`, {
      location: { file },
      detail: { offset: compressedOffset },
      cause: error,
    });
  }
}
