import type { VulnMatch } from '../match/index.js';
import type { Inventory } from '../sbom/index.js';
import { findingKey } from './finding-changes.js';
import type { SbomStore } from './sbom-store.js';

export interface RecordOptions {
  /** When the inventory was cataloged (default: now). */
  readonly catalogedAt?: Date;
  /**
   * The scan's matches and the database marker they were computed against: they become the
   * baseline later re-matches report new findings against. Without them the target keeps its
   * earlier baseline, or (never matched) its first re-match reports every finding as new.
   */
  readonly matched?: { readonly matches: readonly VulnMatch[]; readonly database: string; readonly at?: Date };
}

/** Keeps a cataloged (or scanned) target's inventory in the store, for re-matching without the image. */
export async function recordInventory(store: SbomStore, inventory: Inventory, options: RecordOptions = {}): Promise<void> {
  const matched = options.matched;
  await store.put({
    inventory,
    catalogedAt: (options.catalogedAt ?? new Date()).toISOString(),
    ...(matched === undefined
      ? {}
      : { baseline: { matchedAt: (matched.at ?? new Date()).toISOString(), database: matched.database, findings: matched.matches.map(findingKey) } }),
  });
}
