import type { EncodedEntry } from './entry-codec.js';
import type { StoredNode } from './compact-range.js';
import type { NodeId } from './tree-ranges.js';

/** An entry as stored: its index in the log and its bytes (its leaf hash lives in the node table). */
export interface StoredEntry extends EncodedEntry {
  readonly index: number;
}

export interface StoredCheckpoint {
  readonly size: number;
  /** The signed note text. */
  readonly note: string;
}

/** One atomic, durable append: entries, the tree nodes they complete, the new signed checkpoint. */
export interface AppendBatch {
  /** The log size the batch was built on; the store refuses the batch if it has moved on. */
  readonly fromSize: number;
  readonly entries: readonly StoredEntry[];
  /**
   * Tree nodes completed by these entries at the stored levels (`node-tiling.ts`: leaves and every
   * fourth level; the others are derived when read). Leaf hashes are kept apart
   * from the entry rows on purpose: a row moved, inserted or deleted no longer lines up with the
   * leaf hash stored for its index, so verification names the exact index.
   */
  readonly nodes: readonly StoredNode[];
  readonly checkpoint: StoredCheckpoint;
  /** Collector resume positions, saved in the same transaction. */
  readonly cursors?: Readonly<Record<string, string>>;
}

export interface EntryFilter {
  readonly container?: string;
  readonly action?: string;
  readonly kind?: string;
  readonly sinceMs?: number;
  readonly untilMs?: number;
  readonly limit?: number;
}

/**
 * Storage of the trail. Both implementations (SQLite, PostgreSQL) pass one conformance suite
 * (`trail-store-conformance.ts`). `append` resolves only once the batch is durable.
 */
export interface TrailStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The size of the log, by its latest checkpoint (0 when empty). */
  size(): Promise<number>;
  append(batch: AppendBatch): Promise<void>;
  /** Stored node hashes in the order asked (callers derive unstored levels: `node-tiling.ts`). */
  readNodes(ids: readonly NodeId[]): Promise<Buffer[]>;
  /** Entries with index >= from, in index order, at most `limit`. */
  readEntries(from: number, limit: number): Promise<StoredEntry[]>;
  /** Which of these dedupe keys are already in the log. */
  findKeys(keys: readonly string[]): Promise<Set<string>>;
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** Every checkpoint, by size. */
  checkpoints(): Promise<StoredCheckpoint[]>;
  query(filter: EntryFilter): Promise<StoredEntry[]>;
  cursor(name: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Nodes are keyed by one integer: level * 2^47 + index (indices < 2^47; leaves keep their index). */
export function nodeKey(level: number, index: number): number {
  return level * 2 ** 47 + index;
}
