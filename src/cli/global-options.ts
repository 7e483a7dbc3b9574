import type { Command } from 'commander';
import { RampartError } from '../core/index.js';

/** Options every command accepts (DESIGN.md §1). */
export interface GlobalOptions {
  readonly format: string | undefined;
  readonly output: string | undefined;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly color: boolean;
}

export function addGlobalOptions(program: Command): void {
  program
    .option('-f, --format <format>', 'output format (table, json, sarif, cyclonedx, spdx, markdown, junit: per command)')
    .option('-o, --output <file>', 'write the result to FILE (atomically) instead of stdout')
    .option('-q, --quiet', 'no progress or informational messages')
    .option('--debug', 'verbose diagnostics, and stack traces on internal errors')
    .option('--no-color', 'plain output without ANSI colours');
}

export function readGlobalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<Record<string, unknown>>();
  return {
    format: typeof opts['format'] === 'string' ? opts['format'] : undefined,
    output: typeof opts['output'] === 'string' ? opts['output'] : undefined,
    quiet: opts['quiet'] === true,
    debug: opts['debug'] === true,
    color: opts['color'] !== false,
  };
}

/** Resolves `--format` against what a command supports; a wrong value is a usage error (exit 2). */
export function chooseFormat<F extends string>(
  globals: GlobalOptions,
  supported: readonly F[],
  fallback: F,
): F {
  if (globals.format === undefined) return fallback;
  const wanted = globals.format.toLowerCase();
  const found = supported.find((f) => f === wanted);
  if (found === undefined) {
    throw new RampartError('USAGE', `unsupported --format ${globals.format} (choose one of: ${supported.join(', ')})`);
  }
  return found;
}
