import { checkSchema, parseSchema, RampartError } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';
import type { TrailEntry } from './entry-schemas.js';
import { trailEntrySchema } from './entry-schemas.js';
import { hashLeafText } from './hashing.js';

/** What a store keeps beside an entry's bytes so it can be queried without parsing every entry. */
export interface EntryIndexFields {
  readonly kind: string;
  readonly action: string;
  readonly container: string | undefined;
  readonly containerName: string | undefined;
  readonly timeMs: number;
  /**
   * Identifies the event, so a replayed one (resume after a restart) is not logged twice: the leaf
   * hash (its first 128 bits), since an entry is a deterministic function of its source event.
   */
  readonly dedupeKey: string;
}

export interface EncodedEntry extends EntryIndexFields {
  /** The leaf data: canonical JSON of the entry. */
  readonly data: string;
}

/** An encoded entry with its RFC 6962 leaf hash. */
export interface HashedEntry extends EncodedEntry {
  readonly leafHash: Buffer;
}

export function encodeEntry(entry: TrailEntry): HashedEntry {
  const checked = parseSchema(trailEntrySchema, entry);
  const data = canonicalJson(checked);
  const container = 'container' in checked ? checked.container : undefined;
  const timeMs = Date.parse(checked.time);
  if (Number.isNaN(timeMs)) throw new RampartError('BAD_INPUT', `entry time ${JSON.stringify(checked.time)} is not RFC 3339`);
  const leafHash = hashLeafText(data);
  return {
    data,
    leafHash,
    kind: checked.kind,
    action: checked.action,
    container: container?.id,
    containerName: container?.name,
    timeMs,
    // Time first, so the store's index on this key grows at its end like the log does (few pages
    // touched per batch) instead of taking random inserts.
    dedupeKey: `${timeMs.toString(36).padStart(9, '0')}:${leafHash.subarray(0, 16).toString('base64')}`,
  };
}

/** Parses stored leaf data back into an entry; bad data is an error naming the index. */
export function decodeEntry(data: string, index: number): TrailEntry {
  let json: unknown;
  try {
    json = JSON.parse(data) as unknown;
  } catch (error) {
    throw new RampartError('DB_CORRUPT', `trail entry ${index} is not JSON`, { cause: error });
  }
  const parsed = checkSchema(trailEntrySchema, json);
  if (!parsed.success) throw new RampartError('DB_CORRUPT', `trail entry ${index} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
