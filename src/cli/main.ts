import { Command, CommanderError } from 'commander';
import { ExitCode, RampartError, formatLocation } from '../core/index.js';
import type { CommandAction, CliCommand } from './cli-command.js';
import { commands as builtinCommands } from './commands/index.js';
import { createCommandContext } from './context.js';
import { addGlobalOptions } from './global-options.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { selectCommands } from './select-commands.js';
import { packageVersion } from './version.js';

export interface MainOptions {
  readonly io?: CliIo;
  readonly commands?: readonly CliCommand[];
}

/** The composition root: builds the program, runs it, maps every outcome to an exit code. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? processIo();
  let exitCode: number = ExitCode.ok;
  const debugRequested = argv.includes('--debug');

  const program = new Command('rampart');
  program
    .description('Secure containers from build to runtime.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${firstLine(s)}\n(see 'rampart --help')\n`),
    });
  addGlobalOptions(program);

  const wrap = (action: CommandAction) => async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1];
    if (!(command instanceof Command)) throw new Error('commander passed no command object');
    exitCode = await action(createCommandContext(command, io), command);
  };
  const selected = options.commands ?? (await selectCommands(builtinCommands, argv));
  for (const command of selected) command.register(program, wrap);
  for (const sub of program.commands) {
    sub.exitOverride().showSuggestionAfterError(true);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debugRequested);
  }
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander stops with exit code 0 after --help/--version; anything else is a usage error.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (error instanceof RampartError) {
    const where = error.location ? ` (${formatLocation(error.location)})` : '';
    io.stderr.write(`rampart: ${error.message}${where}\n`);
    if (debug) io.stderr.write(`${describeCauses(error)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`rampart: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack}\n`);
  } else {
    io.stderr.write('(rerun with --debug for the stack trace)\n');
  }
  return ExitCode.internal;
}

function describeCauses(error: Error): string {
  const lines = [error.stack ?? error.message];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    lines.push(`caused by: ${cause.stack ?? cause.message}`);
    cause = cause.cause;
  }
  return lines.join('\n');
}

function firstLine(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim() !== '').join(' ');
}
