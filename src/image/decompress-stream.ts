import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';

export type Compression = 'gzip' | 'zstd' | 'none';

const gzipMagic = [0x1f, 0x8b];
const zstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

/** Compression from a blob's first bytes (media types lie; magic numbers do not). */
export function detectCompression(head: Uint8Array): Compression {
  if (gzipMagic.every((b, i) => head[i] === b)) return 'gzip';
  if (zstdMagic.every((b, i) => head[i] === b)) return 'zstd';
  return 'none';
}

/**
 * A streaming decompressor for the detected compression, or undefined for plain data. zstd uses
 * fzstd (pure JavaScript): Node 20's zlib has no zstd, and native bindings would download binaries.
 */
export function createDecompressor(compression: Compression): Transform | undefined {
  if (compression === 'gzip') return createGunzip({ chunkSize: 256 * 1024 });
  if (compression === 'zstd') return createZstdDecompressor();
  return undefined;
}

function createZstdDecompressor(): Transform {
  let ended = false;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        decoder.push(chunk, false);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        decoder.push(new Uint8Array(0), true);
        if (!ended) throw new Error('zstd stream ended before its last frame (truncated)');
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  const decoder = new Decompress((data, final) => {
    if (data.length > 0) transform.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    if (final === true) ended = true;
  });
  return transform;
}

/** Reads a stream's first bytes without consuming them (they are pushed back for the real reader). */
export function peekStream(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.removeListener('readable', onReadable);
      stream.removeListener('error', onError);
    };
    const onReadable = (): void => {
      const chunk = stream.read() as Buffer | null;
      cleanup();
      if (chunk === null) {
        resolve(Buffer.alloc(0));
        return;
      }
      stream.unshift(chunk);
      resolve(chunk.subarray(0, 8));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.on('error', onError);
  });
}
