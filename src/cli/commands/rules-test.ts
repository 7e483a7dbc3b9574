import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import { createRuleEngine, formatDiagnostic, loadRuleFiles, parseRuleTestFixture, runRuleTests } from '../../rules/index.js';
import type { RuleTestResult } from '../../rules/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import { addRuleSelectionOptions, readRuleSelectionOptions } from './rules-engine-options.js';

type Wrap = (action: CommandAction) => (...args: unknown[]) => Promise<void>;

export function registerRulesTest(parent: Command, wrap: Wrap): void {
  const test = parent.command('test');
  addRuleSelectionOptions(test)
    .description('run rule unit tests: JSON-lines fixtures of events with the rules each must fire (exit 1 on failures)')
    .argument('<fixture...>', 'fixture files (docs/event-format.md)')
    .requiredOption('-r, --rules <file...>', 'rules files, loaded in order')
    .action(wrap(async (ctx, command) => {
      const fixtures = (command.processedArgs[0] as string[]).map((f) => path.resolve(ctx.io.cwd, f));
      const opts = command.opts<{ rules: string[] }>();
      const format = chooseFormat(ctx.globals, ['text', 'json'] as const, 'text');
      const loaded = await loadRuleFiles(opts.rules.map((f) => path.resolve(ctx.io.cwd, f)));
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        errors.forEach((d) => ctx.warn(formatDiagnostic(d)));
        throw new RampartError('RULES_LOAD_FAILED', `${errors.length} errors loading the rules files`);
      }
      const engine = createRuleEngine(loaded.rules, loaded.registry, readRuleSelectionOptions(command, 'all'));
      const results: RuleTestResult[] = [];
      for (const file of fixtures) {
        let content: string;
        try {
          content = await readFile(file, 'utf8');
        } catch (e) {
          throw new RampartError('FILE_NOT_FOUND', `cannot read fixture ${file}`, { cause: e });
        }
        const parsed = parseRuleTestFixture(content);
        const bad = parsed.find((p) => !p.ok);
        if (bad !== undefined && !bad.ok) throw new RampartError('BAD_INPUT', `bad fixture line: ${bad.reason}`, { location: { file, line: bad.line } });
        results.push(...runRuleTests(file, parsed.flatMap((p) => (p.ok ? [p] : [])), engine));
      }
      const failed = results.filter((r) => !r.passed);
      if (format === 'json') await ctx.emit(`${JSON.stringify({ passed: results.length - failed.length, failed: failed.length, results }, null, 2)}\n`);
      else {
        const lines = results.map((r) => `${r.passed ? 'PASS' : 'FAIL'} ${r.name} (${r.file}:${r.line})${r.passed ? '' : `\n     expected: [${r.expected.join(', ')}]\n     actual:   [${r.actual.join(', ')}]`}`);
        lines.push(`${results.length - failed.length}/${results.length} cases pass`);
        await ctx.emit(`${lines.join('\n')}\n`);
      }
      return failed.length > 0 ? ExitCode.findings : ExitCode.ok;
    }));
}
