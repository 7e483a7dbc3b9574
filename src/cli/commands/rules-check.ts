import type { Command } from 'commander';
import { ExitCode } from '../../core/index.js';
import { formatDiagnostic, loadRuleFiles } from '../../rules/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import path from 'node:path';

type Wrap = (action: CommandAction) => (...args: unknown[]) => Promise<void>;

export function registerRulesCheck(parent: Command, wrap: Wrap): void {
  parent.command('check')
    .description('load rules files as Falco does and report errors and warnings (exit 2 on errors)')
    .argument('<file...>', 'rules files, loaded in order')
    .action(wrap(async (ctx, command) => {
      const files = (command.processedArgs[0] as string[]).map((f) => path.resolve(ctx.io.cwd, f));
      const format = chooseFormat(ctx.globals, ['text', 'json'] as const, 'text');
      const loaded = await loadRuleFiles(files);
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = loaded.diagnostics.length - errors;
      if (format === 'json') {
        await ctx.emit(`${JSON.stringify({ files: loaded.files, rules: loaded.rules.length, errors, warnings, diagnostics: loaded.diagnostics }, null, 2)}\n`);
      } else {
        const lines = loaded.diagnostics.map(formatDiagnostic);
        lines.push(`${loaded.rules.length} rules loaded from ${loaded.files.filter((f) => f.ok).length}/${loaded.files.length} files: ${errors} errors, ${warnings} warnings`);
        await ctx.emit(`${lines.join('\n')}\n`);
      }
      return errors > 0 ? ExitCode.badInput : ExitCode.ok;
    }));
}
