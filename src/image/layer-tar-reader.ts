import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract as createExtract } from 'tar-stream';
import type { Header as Headers } from 'tar-stream';
import { RampartError, isRampartError } from '../core/index.js';
import type { Location } from '../core/index.js';
import { createDecompressor, detectCompression, peekStream } from './decompress-stream.js';
import { baseName, normaliseEntryPath, parentPath } from './entry-path.js';
import type { EntryKind, EntrySink, LayerEntry, LayerInfo } from './image-types.js';
import type { LayerBudget } from './layer-budget.js';
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
  let uncompressedOffset = 0;
  let currentEntry: string | undefined;

  const head = await peekStream(blob.stream);
  const compression = detectCompression(head);
  const countCompressed = new Transform({
    transform(chunk: Buffer, _e, callback) {
      compressedOffset += chunk.length;
      if (blob.verifyDigest) compressedHash.update(chunk);
      callback(null, chunk);
    },
  });
  const countUncompressed = new Transform({
    highWaterMark: 256 * 1024,
    transform(chunk: Buffer, _e, callback) {
      try {
        spendBytes(budget, chunk.length, where);
      } catch (error) {
        callback(error as Error);
        return;
      }
      uncompressedOffset += chunk.length;
      diffHash.update(chunk);
      callback(null, chunk);
    },
  });
  const decompressor = createDecompressor(compression);
  // a large write buffer lets the decompressor run ahead instead of pausing after every chunk
  const extract = createExtract({ highWaterMark: 1024 * 1024 });
  const stages = decompressor === undefined
    ? pipeline(blob.stream, countCompressed, countUncompressed, extract)
    : pipeline(blob.stream, countCompressed, decompressor, countUncompressed, extract);
  let pipeError: unknown;
  const piped = stages.catch((error: unknown) => {
    pipeError = error;
  });

  const describe = (error: unknown): unknown => {
    if (isRampartError(error)) return error;
    const reason = error instanceof Error ? error.message : String(error);
    const at = currentEntry === undefined ? '' : ` in or after entry ${currentEntry}`;
    return new RampartError(
      'BAD_ARCHIVE',
      `corrupt or truncated layer ${layer.digest} (${compression}) at compressed offset ${compressedOffset}, uncompressed offset ${uncompressedOffset}${at}: ${reason}`,
      { cause: error, location: { ...where, ...(currentEntry === undefined ? {} : { path: currentEntry }) }, detail: { compressedOffset, uncompressedOffset } },
    );
  };

  try {
    for await (const tarEntry of extract) {
      const entry = toLayerEntry(tarEntry.header, budget, where);
      currentEntry = entry?.path ?? tarEntry.header.name;
      spendEntry(budget, where);
      let consumed: Promise<Buffer> | undefined;
      const content = (): Promise<Buffer> => {
        consumed ??= collect(tarEntry as AsyncIterable<Buffer>);
        return consumed;
      };
      if (entry !== undefined) await sink(entry, content);
      if (consumed === undefined) {
        for await (const _chunk of tarEntry) {
          // drain what the visitor did not read
        }
      } else {
        await consumed;
      }
    }
  } catch (error) {
    extract.destroy();
    await piped;
    // Our own verdicts (unsafe path, limits, a visitor's error) win over the premature-close they cause.
    throw describe(isRampartError(error) || pipeError === undefined ? error : pipeError);
  }
  await piped;
  if (pipeError !== undefined) throw describe(pipeError);

  const diffId = `sha256:${diffHash.digest('hex')}`;
  if (diffId !== layer.diffId) {
    throw new RampartError('DIGEST_MISMATCH', `layer ${layer.index} diffID mismatch: config says ${layer.diffId}, content is ${diffId}`, {
      location: where,
      detail: { expected: layer.diffId, actual: diffId },
    });
  }
  if (blob.verifyDigest) {
    const digest = `sha256:${compressedHash.digest('hex')}`;
    if (digest !== layer.digest) {
      throw new RampartError('DIGEST_MISMATCH', `layer ${layer.index} blob digest mismatch: expected ${layer.digest}, got ${digest}`, {
        location: where,
        detail: { expected: layer.digest, actual: digest },
      });
    }
  }
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function kindOf(type: Headers['type']): EntryKind {
  switch (type) {
    case 'file':
    case 'contiguous-file':
    case undefined:
    case null:
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/** Converts a tar header to a LayerEntry; undefined for entries with no meaning in the filesystem (aufs metadata). */
export function toLayerEntry(header: Headers, budget: LayerBudget, where: Location): LayerEntry | undefined {
  const max = budget.limits.maxPathLength;
  const path = normaliseEntryPath(header.name, max, where);
  const at = { ...where, path };
  const name = baseName(path);
  const common = { mode: (header.mode ?? 0) & 0o7777, size: 0, uid: header.uid ?? 0, gid: header.gid ?? 0 };
  if (path.includes(`/${whiteoutPrefix}${whiteoutPrefix}`) && name !== opaqueMarker) return undefined; // aufs metadata (.wh..wh.plnk, .wh..wh.orph)
  if (name.startsWith(whiteoutPrefix)) {
    if (name === opaqueMarker) return { ...common, path: parentPath(path), kind: 'opaque' };
    const dir = parentPath(path);
    const deleted = name.slice(whiteoutPrefix.length);
    return { ...common, path: dir === '/' ? `/${deleted}` : `${dir}/${deleted}`, kind: 'whiteout' };
  }
  const kind = kindOf(header.type);
  const entry: LayerEntry = { ...common, path, kind, size: kind === 'file' ? (header.size ?? 0) : 0 };
  if (kind === 'symlink') entry.linkTarget = header.linkname ?? '';
  if (kind === 'hardlink') {
    try {
      entry.linkTarget = normaliseEntryPath(header.linkname ?? '', max, at);
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
