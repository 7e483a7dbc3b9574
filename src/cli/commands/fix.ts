import type { Command } from 'commander';
import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import { fixFile, hardenDockerRunArgv, shellJoin, unifiedDiff } from '../../fix/index.js';
import type { CliCommand } from '../cli-command.js';
import type { CommandContext } from '../context.js';
import { writeFileAtomic } from '../io.js';
import { splitOperands } from './lint.js';

export const fixCommand: CliCommand = {
  name: 'fix',
  register(program, wrap) {
    program
      .command('fix')
      .description('harden a config: patched Dockerfile / compose / Kubernetes YAML (comments kept) as a unified diff, or a hardened docker run argv')
      .argument('[target...]', 'a Dockerfile, compose file or Kubernetes YAML, or -- docker run ARGS...')
      .option('--write', 'rewrite the file in place (atomically) instead of printing a diff')
      .addHelpText('after', '\nNotes on what changed (and limits to review) go to stderr. Exit codes: 0 done, 2 bad input, 70 internal error.')
      .action(wrap(async (context, command) => runFix(context, command)));
  },
};

async function runFix(context: CommandContext, command: Command): Promise<ExitCode> {
  const write = command.opts<{ write?: boolean }>().write === true;
  const { targets, argv } = splitOperands(command.processedArgs[0] as string[]);
  if (argv !== undefined) {
    if (targets.length > 0 || write) throw new RampartError('USAGE', 'fix takes either one file or -- docker run ..., and --write applies to files');
    const fixed = hardenDockerRunArgv(argv);
    for (const note of fixed.notes) context.info(note);
    await context.emit(`${shellJoin(fixed.argv)}\n`);
    return ExitCode.ok;
  }
  if (targets.length !== 1) throw new RampartError('USAGE', 'fix needs exactly one target (a file, or -- docker run ...)');
  const fix = await fixFile(targets[0] ?? '', context.io.cwd);
  for (const note of fix.notes) context.info(note);
  if (write) {
    if (fix.after !== fix.before) await writeFileAtomic(path.resolve(context.io.cwd, fix.file), fix.after);
    context.info(fix.after === fix.before ? `${fix.file}: nothing to fix` : `${fix.file}: written`);
    return ExitCode.ok;
  }
  await context.emit(unifiedDiff(fix));
  return ExitCode.ok;
}
