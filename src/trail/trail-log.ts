import { RampartError } from '../core/index.js';
import { signCheckpoint } from './checkpoint.js';
import type { CompactRange, StoredNode } from './compact-range.js';
import { createCompactRange } from './compact-range.js';
import { encodeEntry } from './entry-codec.js';
import type { TrailEntry } from './entry-schemas.js';
import { createTiledNodeReader, isStoredLevel } from './node-tiling.js';
import type { NoteSigner } from './note-keys.js';
import { buildConsistencyProof, buildInclusionProof } from './proof-builder.js';
import type { StoredEntry, TrailStore } from './trail-store.js';
import { frontierNodes } from './tree-ranges.js';

export interface AppendOutcome {
  /** Indices given to the new entries, in order. */
  readonly indices: readonly number[];
  /** Entries already in the log (same source event), not appended again. */
  readonly duplicates: number;
  readonly size: number;
  readonly checkpoint: string;
}

export interface TrailLog {
  readonly origin: string;
  size(): number;
  /**
   * Appends entries as one durable batch with a new signed checkpoint; resolves once the store has
   * committed it. Calls are serialized. Entries whose source event is already logged are skipped.
   */
  append(entries: readonly TrailEntry[], cursors?: Readonly<Record<string, string>>): Promise<AppendOutcome>;
  inclusionProof(index: number, treeSize?: number): Promise<Buffer[]>;
  consistencyProof(oldSize: number, newSize?: number): Promise<Buffer[]>;
  root(): Buffer;
}

export interface TrailLogDeps {
  readonly store: TrailStore;
  readonly signer: NoteSigner;
  /** Checkpoint origin; defaults to the signer's key name. */
  readonly origin?: string;
}

/** Opens the log over a store: reads the right border of the tree once, then appends in memory. */
export async function openTrailLog(deps: TrailLogDeps): Promise<TrailLog> {
  const { store, signer } = deps;
  const origin = deps.origin ?? signer.name;
  // Proofs and the border read any node; the store keeps only leaves and every fourth level.
  const readNodes = createTiledNodeReader(store.readNodes.bind(store));
  const size = await store.size();
  const border = size === 0 ? [] : await readNodes(frontierNodes(size));
  let range: CompactRange = createCompactRange(size, border);
  let queue: Promise<unknown> = Promise.resolve();

  const appendNow = async (entries: readonly TrailEntry[], cursors?: Readonly<Record<string, string>>): Promise<AppendOutcome> => {
    const encoded = entries.map((e) => encodeEntry(e));
    const known = await store.findKeys([...new Set(encoded.map((e) => e.dedupeKey))]);
    const fromSize = range.size;
    const next = createCompactRange(fromSize, range.border());
    const stored: StoredEntry[] = [];
    const nodes: StoredNode[] = [];
    let duplicates = 0;
    for (const e of encoded) {
      if (known.has(e.dedupeKey)) {
        duplicates += 1;
        continue;
      }
      known.add(e.dedupeKey);
      const index = next.size;
      for (const n of next.appendLeafHash(e.leafHash)) if (isStoredLevel(n.level)) nodes.push(n);
      const { leafHash: _leaf, ...rest } = e;
      stored.push({ ...rest, index });
    }
    if (stored.length === 0) {
      // Nothing new: there is one checkpoint per size, so a cursor alone waits for the next entry
      // (a replay after a restart is de-duplicated, so nothing is lost by that).
      const latest = await store.latestCheckpoint();
      return { indices: [], duplicates, size: fromSize, checkpoint: latest?.note ?? '' };
    }
    const note = signCheckpoint({ origin, size: BigInt(next.size), rootHash: next.root() }, signer);
    await store.append({ fromSize, entries: stored, nodes, checkpoint: { size: next.size, note }, ...(cursors === undefined ? {} : { cursors }) });
    range = next;
    return { indices: stored.map((e) => e.index), duplicates, size: next.size, checkpoint: note };
  };

  return {
    origin,
    size: () => range.size,
    root: () => range.root(),
    append(entries, cursors) {
      const run = queue.then(() => appendNow(entries, cursors));
      queue = run.catch(() => undefined);
      return run;
    },
    async inclusionProof(index, treeSize = range.size) {
      if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize || treeSize > range.size) {
        throw new RampartError('BAD_INPUT', `entry ${index} is not in a log of size ${treeSize}`);
      }
      return buildInclusionProof(index, treeSize, readNodes);
    },
    async consistencyProof(oldSize, newSize = range.size) {
      if (oldSize < 1 || oldSize > newSize || newSize > range.size) {
        throw new RampartError('BAD_INPUT', `no consistency proof from size ${oldSize} to ${newSize} (log size ${range.size})`);
      }
      return buildConsistencyProof(oldSize, newSize, readNodes);
    },
  };
}
