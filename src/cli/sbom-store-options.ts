import type { Command } from 'commander';
import path from 'node:path';
import type { VulnMatch } from '../match/index.js';
import type { Inventory } from '../sbom/index.js';
import type { CommandContext } from './context.js';

/** `--store` / `--sbom-store`, shared by `scan` and `sbom`. */
export interface StoreFlags {
  store?: boolean;
  sbomStore?: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option('--store', 'keep the inventory in the SBOM store, for `rampart rescan` without the image')
    .option('--sbom-store <file|url>', 'SBOM store for --store (implies it): a SQLite file or a postgres:// URL (?schema=NAME); default $RAMPART_HOME/sbom-store.sqlite or ~/.local/share/rampart/sbom-store.sqlite');
}

/** The store named by `--sbom-store` (a file relative to the working directory, or a URL), else the default file. */
export async function storeSpec(given: string | undefined, context: Pick<CommandContext, 'io'>): Promise<string> {
  // the inventory domain (store, matcher) is loaded only when a store is used
  if (given === undefined) return (await import('../inventory/index.js')).defaultStorePath(context.io.env);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : path.resolve(context.io.cwd, given);
}

/** Records the inventory (and a scan's findings, as the re-match baseline) when asked to. */
export async function storeIfAsked(
  context: CommandContext,
  flags: StoreFlags,
  inventory: Inventory,
  matched?: { readonly matches: readonly VulnMatch[]; readonly database: string },
): Promise<void> {
  if (flags.store !== true && flags.sbomStore === undefined) return;
  const { openSbomStore, recordInventory } = await import('../inventory/index.js');
  const spec = await storeSpec(flags.sbomStore, context);
  const store = await openSbomStore(spec);
  try {
    await recordInventory(store, inventory, matched === undefined ? {} : { matched });
  } finally {
    await store.close();
  }
  context.info(`stored the inventory of ${inventory.target} in ${store.location}`);
}
