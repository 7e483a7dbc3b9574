import type { Readable } from 'node:stream';
import { RampartError } from '../core/index.js';

/**
 * Named files of an image layout (an OCI layout directory, or the members of a tar archive), read
 * as streams. Names are relative (`blobs/sha256/…`, `manifest.json`) and only ever used as lookup
 * keys inside the store's root.
 */
export interface BlobStore {
  /** The host path of the directory or archive, for error locations. */
  readonly location: string;
  /** The regular file's size, or undefined when absent (or not a regular file). */
  size(name: string): Promise<number | undefined>;
  /** Whether a member exists at all (of any type), e.g. to tell "index.json is a directory". */
  kind(name: string): Promise<'file' | 'dir' | 'other' | undefined>;
  open(name: string): Readable;
  close(): Promise<void>;
}

/** Reads a whole small member (a manifest or config), refusing ones larger than `max` bytes. */
export async function readSmall(store: BlobStore, name: string, max: number): Promise<Buffer | undefined> {
  const size = await store.size(name);
  if (size === undefined) return undefined;
  if (size > max) {
    throw new RampartError('LIMIT_EXCEEDED', `${store.location}: ${name} is ${size} bytes, over the ${max}-byte manifest limit (maxManifestBytes)`, {
      location: { file: store.location, path: name },
      detail: { limit: 'maxManifestBytes', max, value: size },
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of store.open(name)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
