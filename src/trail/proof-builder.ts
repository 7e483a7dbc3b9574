import { hashChildren } from './hashing.js';
import type { LeafRange, NodeId } from './tree-ranges.js';
import { consistencyRanges, inclusionRanges, perfectNodes } from './tree-ranges.js';

/** Reads stored perfect-subtree hashes; returns them in the order asked. */
export type NodeReader = (ids: readonly NodeId[]) => Promise<Buffer[]>;

/** MTH of several ranges at once: one read of every perfect node they need, then folds. */
export async function rangeHashes(ranges: readonly LeafRange[], readNodes: NodeReader): Promise<Buffer[]> {
  const perRange = ranges.map((r) => perfectNodes(r));
  const hashes = await readNodes(perRange.flat());
  let at = 0;
  return perRange.map((nodes) => {
    const own = hashes.slice(at, at + nodes.length);
    at += nodes.length;
    return foldRight(own);
  });
}

/** Right fold of perfect subtree hashes, the way MTH combines a range's border. */
export function foldRight(hashes: readonly Buffer[]): Buffer {
  const last = hashes[hashes.length - 1];
  if (last === undefined) throw new Error('foldRight of no hashes');
  let acc = last;
  for (let i = hashes.length - 2; i >= 0; i -= 1) acc = hashChildren(hashes[i] as Buffer, acc);
  return acc;
}

export function buildInclusionProof(leafIndex: number, treeSize: number, readNodes: NodeReader): Promise<Buffer[]> {
  return rangeHashes(inclusionRanges(leafIndex, treeSize), readNodes);
}

export function buildConsistencyProof(oldSize: number, newSize: number, readNodes: NodeReader): Promise<Buffer[]> {
  return rangeHashes(consistencyRanges(oldSize, newSize), readNodes);
}
