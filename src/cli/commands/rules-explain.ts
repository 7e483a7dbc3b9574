import type { Command } from 'commander';
import { ExitCode, RampartError } from '../../core/index.js';
import { loadRuleFiles } from '../../rules/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import path from 'node:path';

type Wrap = (action: CommandAction) => (...args: unknown[]) => Promise<void>;

export function registerRulesExplain(parent: Command, wrap: Wrap): void {
  parent.command('explain')
    .description('show a rule: compiled condition (lists, macros and exceptions expanded), event types, and where each list/macro came from')
    .argument('<rule>', 'rule name')
    .requiredOption('-r, --rules <file...>', 'rules files, loaded in order')
    .action(wrap(async (ctx, command) => {
      const name = command.processedArgs[0] as string;
      const opts = command.opts<{ rules: string[] }>();
      const format = chooseFormat(ctx.globals, ['text', 'json'] as const, 'text');
      const loaded = await loadRuleFiles(opts.rules.map((f) => path.resolve(ctx.io.cwd, f)));
      const rule = loaded.rules.find((r) => r.name === name);
      if (rule === undefined) throw new RampartError('BAD_INPUT', `no compiled rule named '${name}' in the given files`);
      const where = (p: { file: string; line: number; column: number }): string => `${p.file}:${p.line}:${p.column}`;
      const refs = rule.references.map((ref) => {
        const [kind, refName = ''] = ref.split(':') as ['macro' | 'list', string];
        const def = kind === 'macro' ? loaded.state.macros.get(refName) : loaded.state.lists.get(refName);
        return { kind, name: refName, definedAt: def === undefined ? undefined : where(def.position) };
      });
      const types = rule.matchesAllTypes ? ['(all)'] : [...rule.eventTypes].sort();
      if (format === 'json') {
        await ctx.emit(`${JSON.stringify({ rule: rule.name, priority: rule.priority, source: rule.source, enabled: rule.enabled, tags: rule.tags,
          definedAt: where(rule.position), condition: rule.compiledCondition, eventTypes: types, references: refs, output: rule.output }, null, 2)}\n`);
      } else {
        const lines = [
          `rule:        ${rule.name}`,
          `defined at:  ${where(rule.position)}`,
          `priority:    ${rule.priority}   source: ${rule.source}   enabled: ${String(rule.enabled)}`,
          `tags:        ${rule.tags.join(', ')}`,
          `event types: ${types.join(', ')}`,
          `condition:   ${rule.compiledCondition}`,
          `output:      ${rule.output}`,
          'uses:',
          ...refs.map((r) => `  ${r.kind} ${r.name}${r.definedAt === undefined ? '' : ` (${r.definedAt})`}`),
        ];
        await ctx.emit(`${lines.join('\n')}\n`);
      }
      return ExitCode.ok;
    }));
}
