import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import { benchRules, createRuleEngine, formatDiagnostic, loadRuleFiles } from '../../rules/index.js';
import type { EventRecord } from '../../rules/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import { addRuleSelectionOptions, readRuleSelectionOptions } from './rules-engine-options.js';

type Wrap = (action: CommandAction) => (...args: unknown[]) => Promise<void>;

export function registerRulesBench(parent: Command, wrap: Wrap): void {
  const bench = parent.command('bench');
  addRuleSelectionOptions(bench)
    .description('replay a JSON-lines event stream through the rules and report events per second (one core)')
    .requiredOption('-r, --rules <file...>', 'rules files, loaded in order')
    .requiredOption('-e, --events <file>', 'JSON-lines events (docs/event-format.md)')
    .option('--seconds <n>', 'minimum replay time', '3')
    .option('--mode <mode>', 'first or all matching rules', 'all')
    .action(wrap(async (ctx, command) => {
      const opts = command.opts<{ rules: string[]; events: string; seconds: string; mode: string }>();
      const format = chooseFormat(ctx.globals, ['text', 'json'] as const, 'text');
      if (opts.mode !== 'first' && opts.mode !== 'all') throw new RampartError('USAGE', `--mode must be first or all (got ${opts.mode})`);
      const loaded = await loadRuleFiles(opts.rules.map((f) => path.resolve(ctx.io.cwd, f)));
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        errors.forEach((d) => ctx.warn(formatDiagnostic(d)));
        throw new RampartError('RULES_LOAD_FAILED', `${errors.length} errors loading the rules files`);
      }
      const file = path.resolve(ctx.io.cwd, opts.events);
      let content: string;
      try {
        content = await readFile(file, 'utf8');
      } catch (e) {
        throw new RampartError('FILE_NOT_FOUND', `cannot read events ${file}`, { cause: e });
      }
      const events: EventRecord[] = [];
      content.split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        try {
          events.push(JSON.parse(line) as EventRecord);
        } catch (e) {
          throw new RampartError('PARSE_ERROR', `invalid JSON event: ${(e as Error).message}`, { location: { file, line: i + 1 } });
        }
      });
      const engine = createRuleEngine(loaded.rules, loaded.registry, readRuleSelectionOptions(command, opts.mode));
      const r = benchRules(engine, events, Number(opts.seconds) || 3);
      if (format === 'json') await ctx.emit(`${JSON.stringify({ rules: engine.rules.length, ...r }, null, 2)}\n`);
      else await ctx.emit(`${engine.rules.length} enabled rules, ${r.events} events in ${r.seconds.toFixed(2)} s: ${Math.round(r.eventsPerSecond)} events/s (${r.alerts} matches)\n`);
      return ExitCode.ok;
    }));
}
