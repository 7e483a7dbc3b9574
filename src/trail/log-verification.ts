import { openCheckpoint } from './checkpoint.js';
import type { Checkpoint } from './checkpoint.js';
import { createCompactRange } from './compact-range.js';
import { hashLeafText, sameHash } from './hashing.js';
import { createTiledNodeReader } from './node-tiling.js';
import type { NoteVerifier } from './note-keys.js';
import { buildConsistencyProof } from './proof-builder.js';
import { verifyConsistency } from './proof-verification.js';
import type { TrailStore } from './trail-store.js';

export type LogVerdict =
  | { readonly ok: true; readonly size: number; readonly rootHash: Buffer; readonly checkpoint: string; readonly checked: { entries: number; checkpoints: number; trustedSize: number | undefined } }
  | { readonly ok: false; readonly firstBadIndex: number; readonly reason: string };

export interface VerifyOptions {
  readonly store: TrailStore;
  readonly verifier: NoteVerifier;
  readonly origin: string;
  /** A checkpoint trusted from an earlier verification: the log must be consistent with it. */
  readonly trustedCheckpoint?: string;
  readonly chunk?: number;
}

const bad = (firstBadIndex: number, reason: string): LogVerdict => ({ ok: false, firstBadIndex, reason });

/**
 * Verifies the whole log from its entries alone: every entry index is present once and in order,
 * its stored leaf hash is the hash of its bytes, the recomputed root equals every signed checkpoint
 * at its size (signatures checked with the log key), nothing lies beyond the latest checkpoint, and
 * the log is consistent (RFC 9162 proof, built from the stored nodes) with the trusted checkpoint.
 * On failure names the first index that cannot be trusted.
 */
export async function verifyLog(options: VerifyOptions): Promise<LogVerdict> {
  const { store, verifier, origin } = options;
  const chunk = options.chunk ?? 10_000;
  const opened = new Map<number, Checkpoint>();
  for (const c of await store.checkpoints()) {
    const o = openCheckpoint(c.note, origin, verifier);
    if (!o.ok) return bad(0, `checkpoint for size ${c.size} does not verify: ${o.reason}`);
    if (o.checkpoint.size !== BigInt(c.size)) return bad(0, `checkpoint stored for size ${c.size} says size ${o.checkpoint.size}`);
    opened.set(c.size, o.checkpoint);
  }
  const sizes = [...opened.keys()].sort((a, b) => a - b);
  const size = sizes[sizes.length - 1] ?? 0;
  let trusted: Checkpoint | undefined;
  if (options.trustedCheckpoint !== undefined) {
    const o = openCheckpoint(options.trustedCheckpoint, origin, verifier);
    if (!o.ok) return bad(0, `the trusted checkpoint does not verify: ${o.reason}`);
    trusted = o.checkpoint;
    if (trusted.size > BigInt(size)) return bad(size, `the log (size ${size}) is smaller than the trusted checkpoint (size ${trusted.size}): entries were removed`);
  }
  const range = createCompactRange();
  let lastGood = 0;
  let from = 0;
  for (;;) {
    const rows = await store.readEntries(from, chunk);
    if (rows.length === 0) break;
    const first = range.size;
    const leafIds = rows.map((_r, k) => ({ level: 0, index: first + k })).filter((id) => id.index < size);
    const leaves = await store.readNodes(leafIds).catch(() => undefined);
    if (leaves === undefined) return bad(first, `leaf hashes from index ${first} are missing`);
    for (const row of rows) {
      const i = range.size;
      if (row.index !== i) return bad(i, `entry ${i} is missing (next stored entry is ${row.index})`);
      if (i >= size) return bad(i, `entry ${i} is beyond the latest signed checkpoint (size ${size})`);
      const leaf = hashLeafText(row.data);
      if (!sameHash(leaf, leaves[i - first] as Buffer)) return bad(i, `entry ${i} does not match the leaf hash stored for index ${i} (edited, moved or inserted)`);
      range.appendLeafHash(leaf);
      const cp = opened.get(range.size);
      if (cp !== undefined) {
        if (!sameHash(range.root(), cp.rootHash)) return bad(lastGood, `entries ${lastGood}..${range.size - 1} do not give the root signed for size ${range.size}`);
        lastGood = range.size;
      }
      if (trusted !== undefined && BigInt(range.size) === trusted.size && !sameHash(range.root(), trusted.rootHash)) {
        return bad(0, `entries 0..${range.size - 1} do not give the root of the trusted checkpoint`);
      }
    }
    from = range.size;
  }
  if (range.size < size) return bad(range.size, `entry ${range.size} is missing (the signed log has ${size} entries)`);
  const latest = opened.get(size);
  if (trusted !== undefined && trusted.size > 0n && latest !== undefined) {
    const proof = await buildConsistencyProof(Number(trusted.size), size, createTiledNodeReader(store.readNodes.bind(store))).catch(() => undefined);
    const check = proof === undefined ? { ok: false as const, reason: 'stored tree nodes are missing' } : verifyConsistency(trusted.size, size, trusted.rootHash, latest.rootHash, proof);
    if (!check.ok) return bad(0, `the log is not consistent with the trusted checkpoint (size ${trusted.size}): ${check.reason}`);
  }
  const note = (await store.latestCheckpoint())?.note ?? '';
  return {
    ok: true,
    size,
    rootHash: range.root(),
    checkpoint: note,
    checked: { entries: range.size, checkpoints: sizes.length, trustedSize: trusted === undefined ? undefined : Number(trusted.size) },
  };
}
