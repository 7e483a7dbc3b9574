/**
 * Pure arithmetic of RFC 6962 trees: which perfect subtrees make up a range, and which ranges a
 * proof is made of. A perfect subtree is a node `{ level, index }` covering leaves
 * `[index * 2^level, (index + 1) * 2^level)`. Every range that RFC 6962's MTH, PATH and PROOF
 * recursions ask for starts at a multiple of the next power of two of its width, so it is the
 * right-folded list of the perfect subtrees given by the binary digits of its width.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** A leaf range `[start, end)`. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** Largest power of two strictly smaller than `n` (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The perfect subtrees, left to right, that cover `[start, end)` (start aligned as above). */
export function perfectNodes(range: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let start = range.start;
  let width = range.end - range.start;
  while (width > 0) {
    let size = 1;
    let level = 0;
    while (size * 2 <= width) {
      size *= 2;
      level += 1;
    }
    nodes.push({ level, index: start / size });
    start += size;
    width -= size;
  }
  return nodes;
}

/** RFC 6962 §2.1.1 PATH(m, D[0:n]) as the list of ranges whose MTH makes up the audit path. */
export function inclusionRanges(leafIndex: number, treeSize: number): LeafRange[] {
  const out: LeafRange[] = [];
  const walk = (m: number, start: number, n: number): void => {
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, k);
      out.push({ start: start + k, end: start + n });
    } else {
      walk(m - k, start + k, n - k);
      out.push({ start, end: start + k });
    }
  };
  walk(leafIndex, 0, treeSize);
  return out;
}

/** RFC 6962 §2.1.2 PROOF(m, D[0:n]) as the list of ranges whose MTH makes up the proof. */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  const out: LeafRange[] = [];
  const walk = (m: number, start: number, n: number, complete: boolean): void => {
    if (m === n) {
      if (!complete) out.push({ start, end: start + n });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      walk(m, start, k, complete);
      out.push({ start: start + k, end: start + n });
    } else {
      walk(m - k, start + k, n - k, false);
      out.push({ start, end: start + k });
    }
  };
  if (oldSize > 0 && oldSize < newSize) walk(oldSize, 0, newSize, true);
  return out;
}

/** The right border of a tree of `size` leaves: its perfect subtrees, left to right. */
export function frontierNodes(size: number): NodeId[] {
  return perfectNodes({ start: 0, end: size });
}
