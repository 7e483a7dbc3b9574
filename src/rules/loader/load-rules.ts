import { readFile } from 'node:fs/promises';
import type { FieldRegistry } from '../fields/field-registry.js';
import { createFieldRegistry } from '../fields/field-registry.js';
import { collectItems, createReporter } from './collect-items.js';
import type { CompiledRule } from './compiled-rule.js';
import { compileRuleset } from './compile-ruleset.js';
import type { LoadDiagnostic } from './load-diagnostic.js';
import { readRulesYaml } from './read-rules-yaml.js';
import type { RulesetState } from './ruleset-model.js';
import { cloneRulesetState, emptyRulesetState } from './ruleset-model.js';

/** The Falco engine version Rampart's loader implements: files requiring up to 0.57.x load. */
export const ENGINE_VERSION = '0.57.99';

export interface RulesSource {
  readonly name: string;
  readonly content: string;
}

export interface LoadedFile {
  readonly name: string;
  /** False when the file had errors: none of its items were applied. */
  readonly ok: boolean;
}

export interface LoadedRules {
  readonly rules: readonly CompiledRule[];
  readonly diagnostics: readonly LoadDiagnostic[];
  readonly files: readonly LoadedFile[];
  readonly registry: FieldRegistry;
  readonly state: RulesetState;
}

export interface LoadRulesOptions {
  readonly registry?: FieldRegistry;
  readonly engineVersion?: string;
  /** Plugin name → version that `required_plugin_versions` are checked against (default: container 0.4.0, built in). */
  readonly providedPlugins?: Readonly<Record<string, string>>;
}

/**
 * Loads rules files in order, as Falco does: each file's lists, macros and rules apply on top of the
 * previous files; a file with errors is rejected as a whole (its diagnostics are kept) and the others load.
 */
export function loadRules(sources: readonly RulesSource[], options: LoadRulesOptions = {}): LoadedRules {
  const registry = options.registry ?? createFieldRegistry();
  const engineVersion = options.engineVersion ?? ENGINE_VERSION;
  let state = emptyRulesetState();
  let rules: CompiledRule[] = [];
  const diagnostics: LoadDiagnostic[] = [];
  const files: LoadedFile[] = [];
  for (const source of sources) {
    const fileDiags: LoadDiagnostic[] = [];
    const r = createReporter(fileDiags);
    const read = readRulesYaml(source.name, source.content);
    fileDiags.push(...read.errors);
    const stage = cloneRulesetState(state);
    collectItems(read.items, stage, r, engineVersion, options.providedPlugins);
    const compileDiags: LoadDiagnostic[] = [];
    const compiled = fileDiags.some((d) => d.severity === 'error') ? [] : compileRuleset(stage, registry, createReporter(compileDiags));
    // Compile warnings concern the whole ruleset so far: keep only the last file's (they supersede earlier ones).
    fileDiags.push(...compileDiags);
    const ok = !fileDiags.some((d) => d.severity === 'error');
    if (ok) {
      state = stage;
      rules = compiled;
    }
    diagnostics.push(...fileDiags);
    files.push({ name: source.name, ok });
  }
  return { rules, diagnostics: dedupe(diagnostics), files, registry, state };
}

/** Drops repeated warnings (each file recompiles the ruleset, re-reporting earlier files' warnings). */
function dedupe(ds: readonly LoadDiagnostic[]): LoadDiagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.severity}|${d.code}|${d.item ?? ''}|${d.message}|${d.position.file}:${d.position.line}:${d.position.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads and loads rules files from disk; an unreadable file is a LOAD_ERR_FILE_READ for that file only. */
export async function loadRuleFiles(paths: readonly string[], options: LoadRulesOptions = {}): Promise<LoadedRules> {
  const sources: RulesSource[] = [];
  const readErrors: LoadDiagnostic[] = [];
  for (const p of paths) {
    try {
      sources.push({ name: p, content: await readFile(p, 'utf8') });
    } catch (e) {
      readErrors.push({ severity: 'error', code: 'LOAD_ERR_FILE_READ', message: `Could not read file: ${(e as Error).message}`, position: { file: p, line: 1, column: 1 } });
    }
  }
  const loaded = loadRules(sources, options);
  return { ...loaded, diagnostics: [...readErrors, ...loaded.diagnostics], files: [...readErrors.map((d) => ({ name: d.position.file, ok: false })), ...loaded.files] };
}
