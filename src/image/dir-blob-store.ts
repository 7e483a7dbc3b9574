import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { BlobStore } from './blob-store.js';
import { memberKey } from './tar-index.js';

/** A BlobStore over an OCI layout directory; names never leave the directory. */
export function createDirBlobStore(root: string): BlobStore {
  const resolve = (name: string): string => {
    const key = memberKey(name);
    if (key.split('/').includes('..')) {
      throw new RampartError('UNSAFE_PATH', `${root}: layout names a file outside the layout (${JSON.stringify(name)})`, {
        location: { file: root },
      });
    }
    return path.join(root, key);
  };
  const statOf = async (name: string) => {
    try {
      return await stat(resolve(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw error;
    }
  };
  return {
    location: root,
    async size(name) {
      const s = await statOf(name);
      return s?.isFile() ? s.size : undefined;
    },
    async kind(name) {
      const s = await statOf(name);
      if (s === undefined) return undefined;
      return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
    },
    open: (name) => createReadStream(resolve(name), { highWaterMark: 256 * 1024 }),
    close: () => Promise.resolve(),
  };
}
