import type { Command } from 'commander';
import { ExitCode } from '../../core/index.js';
import { formatDiagnostic, lintRules, loadRuleFiles } from '../../rules/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import path from 'node:path';

type Wrap = (action: CommandAction) => (...args: unknown[]) => Promise<void>;

export function registerRulesLint(parent: Command, wrap: Wrap): void {
  parent.command('lint')
    .description('report rules shadowed under first-match, rules matching every event type, and costly conditions (exit 1 when any)')
    .argument('<file...>', 'rules files, loaded in order')
    .option('--cost-threshold <n>', 'estimated cost above which a condition is reported', '60')
    .action(wrap(async (ctx, command) => {
      const files = (command.processedArgs[0] as string[]).map((f) => path.resolve(ctx.io.cwd, f));
      const format = chooseFormat(ctx.globals, ['text', 'json'] as const, 'text');
      const threshold = Number(command.opts<{ costThreshold: string }>().costThreshold);
      const loaded = await loadRuleFiles(files);
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      errors.forEach((d) => ctx.warn(formatDiagnostic(d)));
      const findings = lintRules(loaded.rules, { costThreshold: Number.isFinite(threshold) ? threshold : 60 });
      if (format === 'json') await ctx.emit(`${JSON.stringify({ findings }, null, 2)}\n`);
      else {
        const lines = findings.map((f) => `${f.position.file}:${f.position.line}:${f.position.column}: ${f.kind}: rule '${f.rule}': ${f.message}`);
        lines.push(`${findings.length} findings in ${loaded.rules.length} rules`);
        await ctx.emit(`${lines.join('\n')}\n`);
      }
      if (errors.length > 0) return ExitCode.badInput;
      return findings.length > 0 ? ExitCode.findings : ExitCode.ok;
    }));
}
