import { describe, expect, it } from 'vitest';
import { createCompactRange } from './compact-range.js';
import { createTiledNodeReader, isStoredLevel } from './node-tiling.js';
import type { NodeId } from './tree-ranges.js';

describe('node tiling', () => {
  const all = new Map<string, Buffer>();
  const range = createCompactRange();
  for (let i = 0; i < 300; i += 1) for (const n of range.appendLeafData(Buffer.from(`leaf ${i}`))) all.set(`${n.level}/${n.index}`, n.hash);
  const reads: NodeId[] = [];
  const storedOnly = async (ids: readonly NodeId[]): Promise<Buffer[]> => ids.map((id) => {
    reads.push(id);
    if (!isStoredLevel(id.level)) throw new Error(`read of unstored level ${id.level}`);
    return all.get(`${id.level}/${id.index}`) as Buffer;
  });
  const read = createTiledNodeReader(storedOnly);

  it.each([[0, 7], [1, 3], [2, 1], [3, 4], [4, 2], [5, 3], [7, 1], [8, 0], [6, 3]])('derives node level %i index %i from stored levels', async (level, index) => {
    const [hash] = await read([{ level, index }]);
    expect(hash?.equals(all.get(`${level}/${index}`) as Buffer)).toBe(true);
  });

  it('answers many ids in the order asked', async () => {
    const ids = [...all.keys()].map((k) => { const [l, i] = k.split('/').map(Number); return { level: l as number, index: i as number }; });
    const got = await read(ids);
    expect(got.every((h, k) => h.equals(all.get(`${ids[k]?.level}/${ids[k]?.index}`) as Buffer))).toBe(true);
    expect(reads.every((id) => isStoredLevel(id.level))).toBe(true);
  });
});
