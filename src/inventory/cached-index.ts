import type { StoredRecord, VulnIndex } from '../vulndb/index.js';

type Lookup = Pick<VulnIndex, 'recordsFor' | 'recordsByAlias'>;

/**
 * Remembers index lookups for one re-matching run over one database snapshot: stored SBOMs share
 * most of their packages, so each (ecosystem, name) is read and parsed from the index once, not
 * once per SBOM. Live only as long as the run (no state outlives it).
 */
export function cachedIndex(index: Lookup): Lookup {
  const byName = new Map<string, StoredRecord[]>();
  const byAlias = new Map<string, StoredRecord[]>();
  const remember = (cache: Map<string, StoredRecord[]>, key: string, read: () => StoredRecord[]): StoredRecord[] => {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = read();
      cache.set(key, hit);
    }
    return hit;
  };
  return {
    recordsFor: (base, name) => remember(byName, `${base}\u0000${name}`, () => index.recordsFor(base, name)),
    recordsByAlias: (id) => remember(byAlias, id, () => index.recordsByAlias(id)),
  };
}
