import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import { RampartError, isRampartError } from '../core/index.js';
import type { Location } from '../core/index.js';
import { createDecompressor, detectCompression, peekStream } from './decompress-stream.js';
import { baseName, normaliseEntryPath, parentPath } from './entry-path.js';
import type { EntrySink, LayerEntry, LayerInfo } from './image-types.js';
import type { LayerBudget } from './layer-budget.js';
import { readTarEntries } from './tar-entries.js';
import type { TarEntryHeader, TarPosition } from './tar-entries.js';
import { tarMemberKind } from './tar-header.js';
import { spendBytes, spendEntry } from './layer-budget.js';

export interface LayerBlob {
  readonly stream: Readable;
  /** The host file or registry the blob comes from, for error locations. */
  readonly source: string;
  /** Check the compressed bytes against `layer.digest` (content-addressed blobs). */
  readonly verifyDigest: boolean;
}

const opaqueMarker = '.wh..wh..opq';
const whiteoutPrefix = '.wh.';

/**
 * Streams one layer blob: sniffs its compression, decompresses, parses the tar and hands every entry
 * to `sink` in archive order. The compressed bytes are hashed against the layer's digest (when
 * content-addressed) and the uncompressed bytes against its diffID; a mismatch is DIGEST_MISMATCH.
 * Corrupt or truncated data is BAD_ARCHIVE naming the blob, the compressed offset and the entry.
 */
export async function readLayerTar(blob: LayerBlob, layer: LayerInfo, budget: LayerBudget, sink: EntrySink): Promise<void> {
  const where: Location = { file: blob.source, layer: layer.digest };
  const compressedHash = createHash('sha256');
  const diffHash = createHash('sha256');
  let compressedOffset = 0;
  const position: TarPosition = { offset: 0, entry: undefined };

  const head = await peekStream(blob.stream);
  const compression = detectCompression(head);
  const decompressor = createDecompressor(compression);
  // Plain layers are hashed once: their blob digest and diffID are over the same bytes.
  const hashCompressed = blob.verifyDigest && decompressor !== undefined;
  let pipeError: unknown;
  let uncompressed: AsyncIterable<Buffer> = blob.stream;
  if (decompressor !== undefined) {
    const countCompressed = new Transform({
      transform(chunk: Buffer, _e, callback) {
        compressedOffset += chunk.length;
        if (hashCompressed) compressedHash.update(chunk);
        callback(null, chunk);
      },
    });
    uncompressed = pipeline(blob.stream, countCompressed, decompressor, (error) => {
      if (error) pipeError = error;
    });
  }
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of uncompressed) {
      if (decompressor === undefined) compressedOffset += chunk.length;
      spendBytes(budget, chunk.length, where);
      diffHash.update(chunk);
      yield chunk;
    }
  }

  const describe = (error: unknown): unknown => {
    if (isRampartError(error)) return error;
    const reason = error instanceof Error ? error.message : String(error);
    const at = position.entry === undefined ? '' : ` in or after entry ${position.entry}`;
    return new RampartError(
      'BAD_ARCHIVE',
      `corrupt or truncated layer ${layer.digest} (${compression}) at compressed offset ${compressedOffset}, uncompressed offset ${position.offset}${at}: ${reason}`,
      {
        cause: error,
        location: { ...where, ...(position.entry === undefined ? {} : { path: position.entry }) },
        detail: { compressedOffset, uncompressedOffset: position.offset },
      },
    );
  };

  try {
    await readTarEntries(
      counted(),
      async (header, content) => {
        const entry = toLayerEntry(header, budget, where);
        if (entry !== undefined) position.entry = entry.path;
        spendEntry(budget, where);
        if (entry !== undefined) await sink(entry, content);
      },
      position,
    );
  } catch (error) {
    blob.stream.destroy();
    decompressor?.destroy();
    // Our own verdicts (unsafe path, limits, a visitor's error) win over the premature-close they cause.
    throw describe(isRampartError(error) || pipeError === undefined ? error : pipeError);
  }
  if (pipeError !== undefined) throw describe(pipeError);

  const diffId = `sha256:${diffHash.digest('hex')}`;
  if (diffId !== layer.diffId) {
    throw new RampartError('DIGEST_MISMATCH', `layer ${layer.index} diffID mismatch: config says ${layer.diffId}, content is ${diffId}`, {
      location: where,
      detail: { expected: layer.diffId, actual: diffId },
    });
  }
  if (blob.verifyDigest) {
    const digest = hashCompressed ? `sha256:${compressedHash.digest('hex')}` : diffId;
    if (digest !== layer.digest) {
      throw new RampartError('DIGEST_MISMATCH', `layer ${layer.index} blob digest mismatch: expected ${layer.digest}, got ${digest}`, {
        location: where,
        detail: { expected: layer.digest, actual: digest },
      });
    }
  }
}

/** Converts a tar header to a LayerEntry; undefined for entries with no meaning in the filesystem (aufs metadata). */
export function toLayerEntry(header: TarEntryHeader, budget: LayerBudget, where: Location): LayerEntry | undefined {
  const max = budget.limits.maxPathLength;
  const path = normaliseEntryPath(header.name, max, where);
  const at = { ...where, path };
  const name = baseName(path);
  const common = { mode: header.mode & 0o7777, size: 0, uid: header.uid, gid: header.gid };
  if (path.includes(`/${whiteoutPrefix}${whiteoutPrefix}`) && name !== opaqueMarker) return undefined; // aufs metadata (.wh..wh.plnk, .wh..wh.orph)
  if (name.startsWith(whiteoutPrefix)) {
    if (name === opaqueMarker) return { ...common, path: parentPath(path), kind: 'opaque' };
    const dir = parentPath(path);
    const deleted = name.slice(whiteoutPrefix.length);
    return { ...common, path: dir === '/' ? `/${deleted}` : `${dir}/${deleted}`, kind: 'whiteout' };
  }
  const kind = tarMemberKind(header.typeflag);
  const entry: LayerEntry = { ...common, path, kind, size: kind === 'file' ? header.size : 0 };
  if (kind === 'symlink') entry.linkTarget = header.linkname;
  if (kind === 'hardlink') {
    try {
      entry.linkTarget = normaliseEntryPath(header.linkname, max, at);
    } catch (error) {
      if (isRampartError(error, 'UNSAFE_PATH')) {
        throw new RampartError('UNSAFE_PATH', `hardlink ${path} points out of the image root (${JSON.stringify(header.linkname)})`, {
          location: at,
          cause: error,
        });
      }
      throw error;
    }
  }
  return entry;
}
