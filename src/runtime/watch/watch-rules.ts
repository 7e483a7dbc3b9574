import path from 'node:path';
import { RampartError, packageRoot } from '../../core/index.js';
import { createRuleEngine, formatDiagnostic, loadRuleFiles } from '../../rules/index.js';
import type { RuleEngine } from '../../rules/index.js';

/** Rampart's own default rules file, shipped in the package (`rules/container_abuse.yaml`). */
export function defaultRulesPath(): string {
  return path.join(packageRoot(import.meta.url), 'rules', 'container_abuse.yaml');
}

export interface WatchRules {
  readonly engine: RuleEngine;
  readonly files: readonly string[];
  /** Syscall event types the enabled rules need. */
  readonly eventTypes: ReadonlySet<string>;
  /** Rules without an event-type restriction (they see every event the sensor produces). */
  readonly anyTypeRules: readonly string[];
  readonly warnings: readonly string[];
}

/** Loads the rules files (default: Rampart's container_abuse rules); load errors are bad input. */
export async function loadWatchRules(files: readonly string[]): Promise<WatchRules> {
  const paths = files.length === 0 ? [defaultRulesPath()] : files;
  const loaded = await loadRuleFiles(paths);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    throw new RampartError('RULES_LOAD_FAILED', `${errors.length} error(s) loading rules: ${errors.map(formatDiagnostic).join('; ')}`, {
      ...(first === undefined ? {} : { location: { file: first.position.file, line: first.position.line, column: first.position.column } }),
    });
  }
  const engine = createRuleEngine(loaded.rules, loaded.registry, { mode: 'all' });
  const eventTypes = new Set<string>();
  const anyTypeRules: string[] = [];
  for (const rule of engine.rules) {
    if (rule.source !== 'syscall') continue;
    if (rule.matchesAllTypes) anyTypeRules.push(rule.name);
    for (const type of rule.eventTypes) eventTypes.add(type);
  }
  return {
    engine,
    files: paths,
    eventTypes,
    anyTypeRules,
    warnings: loaded.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic),
  };
}

/** Names of the enabled rules that need any of `types` (or every type). */
export function rulesNeeding(engine: RuleEngine, types: ReadonlySet<string> | 'all'): string[] {
  return engine.rules
    .filter((r) => r.source === 'syscall' && (types === 'all' || r.matchesAllTypes || [...r.eventTypes].some((t) => types.has(t))))
    .map((r) => r.name);
}
