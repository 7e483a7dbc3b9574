import type { Command } from 'commander';
import type { GlobalOptions } from './global-options.js';
import { readGlobalOptions } from './global-options.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './io.js';
import path from 'node:path';

/** What a command's action gets: its global options and the I/O to use. */
export interface CommandContext {
  readonly globals: GlobalOptions;
  readonly io: CliIo;
  /** Writes the command's result: to `--output` (atomically) or stdout. */
  emit(content: string): Promise<void>;
  /** Informational message on stderr, silenced by `--quiet`. */
  info(message: string): void;
  /** Warning on stderr, always shown. */
  warn(message: string): void;
  /** Diagnostic on stderr, shown with `--debug` only. */
  debug(message: string): void;
}

export function createCommandContext(command: Command, io: CliIo): CommandContext {
  const globals = readGlobalOptions(command);
  return {
    globals,
    io,
    async emit(content) {
      if (globals.output === undefined) {
        io.stdout.write(content);
      } else {
        await writeFileAtomic(path.resolve(io.cwd, globals.output), content);
      }
    },
    info(message) {
      if (!globals.quiet) io.stderr.write(`${message}\n`);
    },
    warn(message) {
      io.stderr.write(`warning: ${message}\n`);
    },
    debug(message) {
      if (globals.debug) io.stderr.write(`debug: ${message}\n`);
    },
  };
}
