/**
 * Groups records that describe the same vulnerability: two records join when their ids, aliases
 * or upstream ids overlap (union-find over every id they carry).
 */
export function groupByAlias<T>(items: readonly T[], idsOf: (item: T) => readonly string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    for (const id of idsOf(item)) {
      const j = owner.get(id);
      if (j === undefined) owner.set(id, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

/** The id a merged finding is shown under: a CVE when there is one, else the first id. */
export function primaryId(ids: readonly string[]): string {
  const sorted = [...new Set(ids)].sort();
  return sorted.find((id) => id.startsWith('CVE-')) ?? sorted[0] ?? '';
}
