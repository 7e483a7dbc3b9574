import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { BlobStore } from './blob-store.js';
import type { TarMember } from './tar-index.js';
import { indexTar, memberKey } from './tar-index.js';

/**
 * A BlobStore over the members of an uncompressed tar file (a `docker save` or an OCI archive).
 * Members are streamed from their byte ranges; nothing is extracted. Symlinked members (some
 * `docker save` outputs link identical layers) are followed inside the archive only.
 */
export async function openTarBlobStore(file: string, maxEntries: number, cleanup?: () => Promise<void>): Promise<BlobStore> {
  const handle = await open(file, 'r');
  let members: Map<string, TarMember>;
  try {
    members = await indexTar(handle, file, maxEntries);
  } finally {
    await handle.close();
  }
  const find = (name: string): TarMember | undefined => {
    let key = memberKey(name);
    for (let hops = 0; hops < 16; hops++) {
      const member = members.get(key);
      if (member === undefined || (member.type !== 'symlink' && member.type !== 'hardlink')) return member;
      const base = member.type === 'symlink' ? path.posix.dirname(key) : '';
      key = memberKey(path.posix.normalize(path.posix.join('/', base, member.linkname)));
    }
    throw new RampartError('BAD_ARCHIVE', `${file}: member ${name} is a link loop`, { location: { file, path: name } });
  };
  const hasDirUnder = (key: string): boolean => {
    for (const other of members.keys()) if (other.startsWith(`${key}/`)) return true;
    return false;
  };
  return {
    location: file,
    size: (name) => {
      const member = find(name);
      return Promise.resolve(member?.type === 'file' ? member.size : undefined);
    },
    kind: (name) => {
      const member = find(name);
      if (member === undefined) return Promise.resolve(hasDirUnder(memberKey(name)) ? 'dir' : undefined);
      return Promise.resolve(member.type === 'file' ? 'file' : member.type === 'dir' ? 'dir' : 'other');
    },
    open: (name) => {
      const member = find(name);
      if (member?.type !== 'file') {
        throw new RampartError('BAD_ARCHIVE', `${file}: archive has no file ${name}`, { location: { file, path: name } });
      }
      if (member.size === 0) return createReadStream(file, { start: 1, end: 0 });
      return createReadStream(file, { start: member.offset, end: member.offset + member.size - 1, highWaterMark: 256 * 1024 });
    },
    close: async () => {
      if (cleanup !== undefined) await cleanup();
    },
  };
}
