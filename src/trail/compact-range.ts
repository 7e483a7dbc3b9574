import { emptyRoot, hashChildren, hashLeaf } from './hashing.js';
import type { NodeId } from './tree-ranges.js';
import { frontierNodes } from './tree-ranges.js';

/** A node hash produced while appending (every perfect subtree, so proofs can be served later). */
export interface StoredNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

/**
 * The right border of an append-only RFC 6962 tree (a "compact range"): O(log n) hashes give the
 * root and let a leaf be appended, emitting every perfect subtree it completes.
 */
export interface CompactRange {
  readonly size: number;
  /** Appends a leaf hash; returns the stored nodes it created (the leaf and completed parents). */
  appendLeafHash(leafHash: Buffer): StoredNode[];
  appendLeafData(data: Uint8Array): StoredNode[];
  root(): Buffer;
  /** The right-border hashes, left to right (the input of `createCompactRange`). */
  border(): Buffer[];
}

/** `border` holds the hashes of `frontierNodes(size)`, left to right. */
export function createCompactRange(size = 0, border: readonly Buffer[] = []): CompactRange {
  const nodes: { level: number; hash: Buffer }[] = frontierNodes(size).map((id: NodeId, i) => {
    const hash = border[i];
    if (hash === undefined) throw new Error(`compact range of size ${size} needs ${frontierNodes(size).length} hashes`);
    return { level: id.level, hash };
  });
  let count = size;
  const appendLeafHash = (leafHash: Buffer): StoredNode[] => {
    const created: StoredNode[] = [{ level: 0, index: count, hash: leafHash }];
    let current = { level: 0, hash: leafHash };
    let index = count;
    while (nodes.length > 0 && (nodes[nodes.length - 1] as { level: number }).level === current.level) {
      const left = nodes.pop() as { level: number; hash: Buffer };
      index = Math.floor(index / 2);
      current = { level: current.level + 1, hash: hashChildren(left.hash, current.hash) };
      created.push({ level: current.level, index, hash: current.hash });
    }
    nodes.push(current);
    count += 1;
    return created;
  };
  return {
    get size() {
      return count;
    },
    appendLeafHash,
    appendLeafData: (data) => appendLeafHash(hashLeaf(data)),
    border: () => nodes.map((n) => n.hash),
    root() {
      if (nodes.length === 0) return emptyRoot();
      let acc = (nodes[nodes.length - 1] as { hash: Buffer }).hash;
      for (let i = nodes.length - 2; i >= 0; i -= 1) acc = hashChildren((nodes[i] as { hash: Buffer }).hash, acc);
      return acc;
    },
  };
}

/** MTH of a list of leaf data (reference computation, used by verification and tests). */
export function treeRootOf(leaves: readonly Uint8Array[]): Buffer {
  const range = createCompactRange();
  for (const leaf of leaves) range.appendLeafData(leaf);
  return range.root();
}
