import type { Command } from 'commander';
import path from 'node:path';
import type { VulnMatch } from '../match/index.js';
import { defaultStorePath, openSbomStore, recordInventory } from '../inventory/index.js';
import type { Inventory } from '../sbom/index.js';
import type { CommandContext } from './context.js';

/** `--store` / `--store-file`, shared by `scan` and `sbom`. */
export interface StoreFlags {
  store?: boolean;
  storeFile?: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option('--store', 'keep the inventory in the SBOM store, for `rampart rescan` without the image')
    .option('--store-file <file>', 'SBOM store for --store (implies it; default: $RAMPART_HOME/sbom-store.sqlite or ~/.local/share/rampart/sbom-store.sqlite)');
}

/** Records the inventory (and a scan's findings, as the re-match baseline) when asked to. */
export async function storeIfAsked(
  context: CommandContext,
  flags: StoreFlags,
  inventory: Inventory,
  matched?: { readonly matches: readonly VulnMatch[]; readonly database: string },
): Promise<void> {
  if (flags.store !== true && flags.storeFile === undefined) return;
  const file = flags.storeFile !== undefined ? path.resolve(context.io.cwd, flags.storeFile) : defaultStorePath(context.io.env);
  const store = openSbomStore(file);
  try {
    await recordInventory(store, inventory, matched === undefined ? {} : { matched });
  } finally {
    await store.close();
  }
  context.info(`stored the inventory of ${inventory.target} in ${file}`);
}
