import type { CliCommand, LazyCliCommand } from './cli-command.js';

/** Global options that take a value (see `global-options.ts`): their value is not a command name. */
const VALUE_OPTIONS = new Set(['-f', '--format', '-o', '--output']);

/** The first operand of argv, i.e. the command name, skipping global options and their values. */
export function commandNameOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return argv[i + 1];
    if (VALUE_OPTIONS.has(token)) {
      i++;
      continue;
    }
    if (token.startsWith('-')) continue;
    return token;
  }
  return undefined;
}

/**
 * Loads the command argv names, none for a bare `--version`, or every command when argv names none
 * or an unknown one (help, usage errors and suggestions need the whole list).
 */
export async function selectCommands(list: readonly LazyCliCommand[], argv: readonly string[]): Promise<CliCommand[]> {
  const name = commandNameOf(argv);
  if (name === undefined && argv.some((a) => a === '-V' || a === '--version')) return [];
  const named = list.find((c) => c.name === name);
  return Promise.all((named === undefined ? list : [named]).map((c) => c.load()));
}
