import { createHash } from 'node:crypto';
import { RampartError } from '../core/index.js';
import { canonicalJson } from './canonical-json.js';
import type { TrailEntry } from './entry-schemas.js';
import { trailEntrySchema } from './entry-schemas.js';

/** What a store keeps beside an entry's bytes so it can be queried without parsing every entry. */
export interface EntryIndexFields {
  readonly kind: string;
  readonly action: string;
  readonly container: string | undefined;
  readonly containerName: string | undefined;
  readonly timeMs: number;
  /** Identifies the source event, so a replayed event (resume after a restart) is not logged twice. */
  readonly dedupeKey: string;
}

export interface EncodedEntry extends EntryIndexFields {
  /** The leaf data: canonical JSON of the entry. */
  readonly data: string;
}

export function encodeEntry(entry: TrailEntry): EncodedEntry {
  const checked = trailEntrySchema.parse(entry);
  const data = canonicalJson(checked);
  const container = 'container' in checked ? checked.container : undefined;
  const timeMs = Date.parse(checked.time);
  if (Number.isNaN(timeMs)) throw new RampartError('BAD_INPUT', `entry time ${JSON.stringify(checked.time)} is not RFC 3339`);
  return {
    data,
    kind: checked.kind,
    action: checked.action,
    container: container?.id,
    containerName: container?.name,
    timeMs,
    dedupeKey: `${checked.source}:${createHash('sha256').update(checked.raw).digest('hex')}`,
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
  const parsed = trailEntrySchema.safeParse(json);
  if (!parsed.success) throw new RampartError('DB_CORRUPT', `trail entry ${index} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
