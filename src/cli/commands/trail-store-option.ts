import type { Command } from 'commander';

/** The `--store` option every trail subcommand takes. */
export function addStoreOption(command: Command): Command {
  return command.option('--store <file|url>', 'SQLite file or postgres:// URL (?schema=NAME) of the trail (default: $RAMPART_HOME/trail/trail.db)');
}

export function storeSpec(command: Command): string | undefined {
  const value = command.opts<{ store?: string }>().store;
  return typeof value === 'string' ? value : undefined;
}
