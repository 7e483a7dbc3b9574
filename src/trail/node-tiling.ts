import { hashChildren } from './hashing.js';
import type { NodeReader } from './proof-builder.js';
import type { NodeId } from './tree-ranges.js';

/**
 * Which tree nodes a store keeps. Leaves (level 0) are always kept, apart from the entry rows, so
 * tamper evidence can name an index; of the interior nodes only every `NODE_LEVEL_STEP`-th level
 * is stored (levels 4, 8, 12, ...): about n/15 interior rows instead of n. Any other node is
 * derived, when a proof asks for it, from at most 2^(NODE_LEVEL_STEP-1) = 8 stored nodes below it.
 * Stores that also hold the other levels (written by earlier versions) serve the same reads.
 */
export const NODE_LEVEL_STEP = 4;

export function isStoredLevel(level: number): boolean {
  return level % NODE_LEVEL_STEP === 0;
}

/** Wraps a reader of stored nodes so it answers for any perfect subtree, deriving unstored levels. */
export function createTiledNodeReader(readStored: NodeReader): NodeReader {
  return async (ids) => {
    const plan = ids.map((id) => {
      const base = id.level - (id.level % NODE_LEVEL_STEP);
      const width = 2 ** (id.level - base);
      const first = id.index * width;
      return { base, width, first };
    });
    const wanted: NodeId[] = [];
    for (const p of plan) for (let k = 0; k < p.width; k += 1) wanted.push({ level: p.base, index: p.first + k });
    const stored = await readStored(wanted);
    let at = 0;
    return plan.map((p) => {
      let row = stored.slice(at, at + p.width);
      at += p.width;
      while (row.length > 1) {
        const up: Buffer[] = [];
        for (let k = 0; k < row.length; k += 2) up.push(hashChildren(row[k] as Buffer, row[k + 1] as Buffer));
        row = up;
      }
      return row[0] as Buffer;
    });
  };
}
