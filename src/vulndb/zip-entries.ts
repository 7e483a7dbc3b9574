import yauzl from 'yauzl';
import { RampartError } from '../core/index.js';

export interface ZipLimits {
  /** Largest uncompressed entry accepted. */
  readonly maxEntryBytes: number;
  /** Most entries read from one archive. */
  readonly maxEntries: number;
}

export const defaultZipLimits: ZipLimits = { maxEntryBytes: 32 * 1024 * 1024, maxEntries: 2_000_000 };

/**
 * Yields `[name, bytes]` for every file entry of a zip archive whose name passes `accept`, one at
 * a time (yauzl with lazy entries and size validation). A corrupt or truncated archive is BAD_ARCHIVE.
 */
export async function* readZipEntries(
  file: string,
  accept: (name: string) => boolean,
  limits: ZipLimits = defaultZipLimits,
): AsyncGenerator<[string, Buffer]> {
  const bad = (message: string, cause?: unknown): RampartError =>
    new RampartError('BAD_ARCHIVE', `${file}: ${message}`, { cause, location: { file } });
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false }, (error, zf) => {
      if (error !== null) reject(bad('not a readable zip archive', error));
      else resolve(zf);
    });
  });
  let count = 0;
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry): void => {
          cleanup();
          resolve(e);
        };
        const onEnd = (): void => {
          cleanup();
          resolve(undefined);
        };
        const onError = (error: Error): void => {
          cleanup();
          reject(bad('corrupt zip archive', error));
        };
        const cleanup = (): void => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onError);
        };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
      });
      if (entry === undefined) return;
      if (++count > limits.maxEntries) throw bad(`more than ${limits.maxEntries} entries`);
      if (entry.fileName.endsWith('/') || !accept(entry.fileName)) continue;
      if (entry.uncompressedSize > limits.maxEntryBytes) throw bad(`entry ${entry.fileName} is larger than ${limits.maxEntryBytes} bytes`);
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error !== null) {
            reject(bad(`cannot read ${entry.fileName}`, error));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (e) => reject(bad(`cannot read ${entry.fileName}`, e)));
          stream.on('end', () => resolve(Buffer.concat(chunks)));
        });
      });
      yield [entry.fileName, bytes];
    }
  } finally {
    zip.close();
  }
}
