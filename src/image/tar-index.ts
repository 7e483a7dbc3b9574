import type { FileHandle } from 'node:fs/promises';
import { RampartError } from '../core/index.js';
import { decodeTarHeader, extensionTypeflags, isZeroBlock, maxExtensionSize, tarBlock as block, tarExtensions, tarMemberKind } from './tar-header.js';
import type { TarMemberKind } from './tar-header.js';

/** One member of an uncompressed tar file, located by byte offset so it can be streamed without extraction. */
export interface TarMember {
  readonly name: string;
  readonly type: TarMemberKind;
  readonly offset: number;
  readonly size: number;
  readonly linkname: string;
}

/** Archive member names as lookup keys: `./a//b/` → `a/b`. Never used as host paths. */
export function memberKey(name: string): string {
  return name.split('/').filter((p) => p !== '' && p !== '.').join('/');
}

/**
 * Reads only the headers of a plain tar file (ustar, pax `path`/`linkpath`, GNU long names, base-256
 * sizes) and returns its members by key. Data blocks are skipped by seeking, so indexing a 1 GB
 * `docker save` reads a few kilobytes. Malformed headers are BAD_ARCHIVE with the byte offset.
 */
export async function indexTar(handle: FileHandle, file: string, maxEntries: number): Promise<Map<string, TarMember>> {
  const { size: fileSize } = await handle.stat();
  const members = new Map<string, TarMember>();
  const header = Buffer.alloc(block);
  let offset = 0;
  const extensions = tarExtensions();
  const fail = (why: string): RampartError =>
    new RampartError('BAD_ARCHIVE', `${file}: ${why} at byte offset ${offset}`, { location: { file }, detail: { offset } });

  for (;;) {
    if (offset + block > fileSize) {
      if (members.size === 0) throw fail('not a tar archive (too short)');
      break; // tolerate a missing end-of-archive marker, as GNU tar does
    }
    await handle.read(header, 0, block, offset);
    if (isZeroBlock(header)) break;
    const decoded = decodeTarHeader(header);
    if (typeof decoded === 'string') throw fail(decoded);
    const { size, typeflag } = decoded;
    const dataOffset = offset + block;
    if (dataOffset + size > fileSize) throw fail(`truncated member (needs ${size} bytes)`);
    const next = dataOffset + Math.ceil(size / block) * block;
    if (extensionTypeflags.has(typeflag)) {
      // a pax global header applies to no member: passed over unread
      if (typeflag !== 'g') {
        if (size > maxExtensionSize) throw fail('oversized extended header');
        const data = Buffer.alloc(size);
        await handle.read(data, 0, size, dataOffset);
        extensions.record(typeflag, data);
      }
      offset = next;
      continue;
    }
    const { name, linkname } = extensions.apply(decoded);
    const type = tarMemberKind(typeflag);
    members.set(memberKey(name), { name, type, offset: dataOffset, size, linkname });
    if (members.size > maxEntries) throw fail(`more than ${maxEntries} members (maxEntries)`);
    offset = next;
  }
  return members;
}
