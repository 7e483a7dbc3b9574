import type { Command } from 'commander';
import { RampartError } from '../../core/index.js';
import { parsePriority } from '../../rules/index.js';
import type { RuleEngineOptions } from '../../rules/index.js';

/** Adds the rule-selection options shared by `rules test` and `rules bench`. */
export function addRuleSelectionOptions(command: Command): Command {
  return command
    .option('--min-priority <priority>', 'ignore rules below this priority (emergency ... debug)')
    .option('--enable <name...>', 'enable rules by name (wildcards allowed), also rules disabled in their file')
    .option('--enable-tag <tag...>', 'enable rules carrying a tag')
    .option('--disable <name...>', 'disable rules by name (wildcards allowed)')
    .option('--disable-tag <tag...>', 'disable rules carrying a tag');
}

export function readRuleSelectionOptions(command: Command, mode: 'first' | 'all'): RuleEngineOptions {
  const o = command.opts<{ minPriority?: string; enable?: string[]; enableTag?: string[]; disable?: string[]; disableTag?: string[] }>();
  const minPriority = o.minPriority === undefined ? undefined : parsePriority(o.minPriority);
  if (o.minPriority !== undefined && minPriority === undefined) throw new RampartError('USAGE', `unknown priority ${o.minPriority}`);
  return {
    mode,
    ...(minPriority === undefined ? {} : { minPriority }),
    enable: { names: o.enable ?? [], tags: o.enableTag ?? [] },
    disable: { names: o.disable ?? [], tags: o.disableTag ?? [] },
  };
}
