import { decodeTarHeader, extensionTypeflags, isZeroBlock, maxExtensionSize, tarBlock, tarExtensions } from './tar-header.js';
import type { TarHeaderBlock } from './tar-header.js';

/**
 * One archive member with its pax and GNU long-name records applied (old-style `name/` regular
 * entries are reported with typeflag `5`).
 */
export type TarEntryHeader = TarHeaderBlock;

/**
 * Called once per member, in archive order. `content()` collects the member's bytes; it must be
 * called before the returned promise settles (members are not kept once they have passed).
 */
export type TarEntryHandler = (header: TarEntryHeader, content: () => Promise<Buffer>) => Promise<void>;

/** Where the parser stands, for error messages: the byte offset and the member being read. */
export interface TarPosition {
  offset: number;
  entry: string | undefined;
}

/** A malformed or truncated tar stream; the caller adds the file, layer and offsets. */
export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

/**
 * Parses a tar stream from its chunks in one pass with no per-member streams: headers are decoded
 * in place, member data is skipped unless the handler asks for it. Understands ustar prefixes, pax
 * `path`/`linkpath`/`size` records, GNU long names and base-256 numbers; a pax global header is read
 * and dropped, as Go's archive/tar (and so Trivy) does. Zero blocks are skipped. `position` is kept
 * current so the caller can say where a failure happened.
 */
export async function readTarEntries(chunks: AsyncIterable<Buffer>, handler: TarEntryHandler, position: TarPosition): Promise<void> {
  let stash: Buffer | undefined; // a header block, or an extended header's data, split across chunks
  let need = tarBlock; // bytes still wanted for the stash
  let extended: { typeflag: string; size: number } | undefined;
  let skip = 0; // data or padding bytes to pass over
  let collecting: Buffer[] | undefined;
  let dataLeft = 0;
  let finish: ((data: Buffer) => void) | undefined;
  let pending: Promise<void> | undefined;
  const extensions = tarExtensions();

  const startMember = async (block: Buffer): Promise<void> => {
    if (isZeroBlock(block)) return;
    const decoded = decodeTarHeader(block);
    if (typeof decoded === 'string') throw new TarFormatError(decoded);
    let size = decoded.size;
    if (extensionTypeflags.has(decoded.typeflag)) {
      if (size > maxExtensionSize) throw new TarFormatError(`extended header of ${size} bytes exceeds ${maxExtensionSize}`);
      extended = { typeflag: decoded.typeflag, size };
      need = size;
      if (size === 0) endExtended(Buffer.alloc(0));
      return;
    }
    const { name, linkname, pax } = extensions.apply(decoded);
    const paxSize = pax['size'];
    if (paxSize !== undefined) {
      size = Number(paxSize);
      if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`invalid pax size ${JSON.stringify(paxSize)}`);
    }
    const typeflag = decoded.typeflag === '\0' && name.endsWith('/') ? '5' : decoded.typeflag;
    const header: TarEntryHeader = { name, linkname, typeflag, size, mode: decoded.mode, uid: decoded.uid, gid: decoded.gid };
    position.entry = name;
    // Directories carry no data whatever their size field says (as tar-stream and GNU tar read them).
    const dataSize = typeflag === '5' ? 0 : size;
    let wanted: Promise<Buffer> | undefined;
    let passed = false;
    let signal: (() => void) | undefined;
    const asked = new Promise<void>((resolve) => (signal = resolve));
    const content = (): Promise<Buffer> => {
      if (wanted !== undefined) return wanted;
      if (passed) return Promise.reject(new TarFormatError(`content of ${name} asked for after the member was passed`));
      wanted = dataSize === 0 ? Promise.resolve(Buffer.alloc(0)) : new Promise<Buffer>((resolve) => (finish = resolve));
      signal?.();
      return wanted;
    };
    const done = handler(header, content);
    // Wait until the handler either asks for the bytes or is finished with the member.
    await Promise.race([done, asked]);
    if (wanted === undefined) {
      passed = true;
      skip = padded(dataSize);
      return;
    }
    if (dataSize === 0) {
      await done;
      return;
    }
    collecting = [];
    dataLeft = dataSize;
    skip = padded(dataSize) - dataSize;
    pending = done;
  };

  const endExtended = (data: Buffer): void => {
    if (extended !== undefined) extensions.record(extended.typeflag, data);
    skip = padded(extended?.size ?? 0) - (extended?.size ?? 0);
    extended = undefined;
    stash = undefined;
    need = tarBlock;
  };

  for await (const chunk of chunks) {
    let pos = 0;
    while (pos < chunk.length) {
      if (collecting !== undefined) {
        const n = Math.min(dataLeft, chunk.length - pos);
        collecting.push(chunk.subarray(pos, pos + n));
        pos += n;
        position.offset += n;
        dataLeft -= n;
        if (dataLeft === 0) {
          const parts = collecting;
          collecting = undefined;
          // always a copy: a view into the stream's chunk would keep the whole chunk alive for as
          // long as the caller holds the member (companion files are held for a whole layer)
          finish?.(Buffer.concat(parts));
          finish = undefined;
          await pending;
          pending = undefined;
        }
        continue;
      }
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - pos);
        pos += n;
        position.offset += n;
        skip -= n;
        continue;
      }
      // A header block or an extended header's data: taken whole from the chunk when it fits.
      const available = chunk.length - pos;
      if (stash === undefined && available >= need) {
        const piece = chunk.subarray(pos, pos + need);
        pos += need;
        position.offset += need;
        if (extended !== undefined) endExtended(piece);
        else await startMember(piece);
        continue;
      }
      const have = stash ?? Buffer.allocUnsafe(0);
      const n = Math.min(need - have.length, available);
      stash = Buffer.concat([have, chunk.subarray(pos, pos + n)]);
      pos += n;
      position.offset += n;
      if (stash.length === need) {
        const piece = stash;
        stash = undefined;
        if (extended !== undefined) endExtended(piece);
        else await startMember(piece);
      }
    }
  }
  if (collecting !== undefined || extended !== undefined || skip > 0 || (stash !== undefined && stash.length > 0)) {
    throw new TarFormatError('Unexpected end of data');
  }
}

function padded(size: number): number {
  return Math.ceil(size / tarBlock) * tarBlock;
}
