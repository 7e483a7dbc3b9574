import type { Command } from 'commander';
import type { ExitCode } from '../core/index.js';
import type { CommandContext } from './context.js';

/** An action returns the exit code of DESIGN.md §1; errors are thrown as RampartError. */
export type CommandAction = (context: CommandContext, command: Command) => Promise<ExitCode>;

/** One CLI command (one file each under `commands/`), registered explicitly in `commands/index.ts`. */
export interface CliCommand {
  readonly name: string;
  /**
   * Adds the command (and its subcommands) to `program`. Each action is wrapped with `wrap`, which
   * builds its context and passes its exit code back to `main`. Read operands with
   * `command.processedArgs` and options with `command.opts()`.
   */
  register(program: Command, wrap: (action: CommandAction) => (...args: unknown[]) => Promise<void>): void;
}

/**
 * A command in the built-in list: its name, and how to load it. `main` loads only the command the
 * argv names (all of them for `--help` or an unknown name), so a run pays for one command's code.
 */
export interface LazyCliCommand {
  readonly name: string;
  load(): Promise<CliCommand>;
}
