import type { ItemPosition, LoadDiagnostic, LoadErrorCode, LoadWarningCode } from './load-diagnostic.js';
import type { RulesItem } from './read-rules-yaml.js';
import type { ExceptionDef, RuleDef, RulesetState } from './ruleset-model.js';
import { parsePriority } from './ruleset-model.js';
import { collectRule } from './collect-rule.js';
import { checkRequirements } from './check-requirements.js';

export const APPEND_DEPRECATED = "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";
const NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Collects diagnostics of one file; `item` names the object they concern. */
export interface Reporter {
  error(code: LoadErrorCode, message: string, item: string | undefined, position: ItemPosition): void;
  warn(code: LoadWarningCode, message: string, item: string | undefined, position: ItemPosition): void;
}

export function createReporter(out: LoadDiagnostic[]): Reporter {
  return {
    error: (code, message, item, position) => out.push(item === undefined ? { severity: 'error', code, message, position } : { severity: 'error', code, message, item, position }),
    warn: (code, message, item, position) => out.push(item === undefined ? { severity: 'warning', code, message, position } : { severity: 'warning', code, message, item, position }),
  };
}

export type ItemMap = Readonly<Record<string, unknown>>;

const knownKeys = {
  list: ['list', 'items', 'append', 'override'],
  macro: ['macro', 'condition', 'append', 'override'],
  rule: ['rule', 'desc', 'condition', 'output', 'priority', 'tags', 'source', 'enabled', 'exceptions', 'append', 'override', 'warn_evttypes', 'skip-if-unknown-filter', 'capture', 'capture_duration'],
} as const;

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function warnUnknownKeys(kind: keyof typeof knownKeys, item: ItemMap, name: string, pos: ItemPosition, r: Reporter): void {
  for (const key of Object.keys(item)) {
    if (!(knownKeys[kind] as readonly string[]).includes(key)) r.warn('LOAD_UNKNOWN_KEY', `Unknown key '${key}'`, `${kind} '${name}'`, pos);
  }
}

/** Applies the items of one file to `state`, in order, as Falco's rule collector does. */
export function collectItems(items: readonly RulesItem[], state: RulesetState, r: Reporter, engineVersion: string, plugins?: Readonly<Record<string, string>>): void {
  for (const it of items) {
    const v = it.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      r.error('LOAD_ERR_YAML_VALIDATE', 'Unexpected element type. Each element should be a yaml associative array.', undefined, it.position);
      continue;
    }
    const item = v as ItemMap;
    if ('required_engine_version' in item || 'required_plugin_versions' in item) checkRequirements(item, it.position, r, engineVersion, plugins);
    else if ('list' in item) collectList(item, it, state, r);
    else if ('macro' in item) collectMacro(item, it, state, r);
    else if ('rule' in item) collectRule(item, it, state, r);
    else r.warn('LOAD_UNKNOWN_ITEM', 'Unknown top level item', undefined, it.position);
  }
}

/** Reads `override:` and `append:` of a list or macro whose only overridable key is `key`. */
function overrideMode(item: ItemMap, key: string, label: string, pos: ItemPosition, r: Reporter): 'append' | 'replace' | 'define' | undefined {
  const append = item['append'] === true;
  if (item['append'] !== undefined) r.warn('LOAD_DEPRECATED_ITEM', APPEND_DEPRECATED, label, pos);
  const ov = item['override'];
  if (ov === undefined) return append ? 'append' : 'define';
  if (append) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.", label, pos);
    return undefined;
  }
  if (ov === null || typeof ov !== 'object' || Array.isArray(ov)) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Value of 'override' must be a map", label, pos);
    return undefined;
  }
  const entries = Object.entries(ov as ItemMap);
  for (const [k, mode] of entries) {
    if (k !== key) {
      r.error('LOAD_ERR_YAML_VALIDATE', `Key '${k}' cannot be overridden. Only '${key}' can be overridden`, label, pos);
      return undefined;
    }
    if (mode !== 'append' && mode !== 'replace') {
      r.error('LOAD_ERR_YAML_VALIDATE', `Invalid override mode '${String(mode)}' for key '${k}': use 'append' or 'replace'`, label, pos);
      return undefined;
    }
    if (!(key in item)) {
      r.error('LOAD_ERR_YAML_VALIDATE', `An ${mode} override for '${key}' was specified but '${key}' is not defined`, label, pos);
      return undefined;
    }
    return mode;
  }
  return 'define';
}

function collectList(item: ItemMap, it: RulesItem, state: RulesetState, r: Reporter): void {
  const name = str(item['list']) ?? '';
  const label = `list '${name}'`;
  warnUnknownKeys('list', item, name, it.position, r);
  if (!NAME_RE.test(name)) r.warn('LOAD_INVALID_LIST_NAME', `List has an invalid name. List names should match a regular expression: ${NAME_RE.source}`, label, it.position);
  const raw = item['items'];
  if (raw === undefined) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Item has no mapping for key 'items'", label, it.position);
    return;
  }
  if (!Array.isArray(raw)) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Value of 'items' must be a sequence", label, it.keyPositions.get('items') ?? it.position);
    return;
  }
  const items = raw.map((x) => str(x) ?? '');
  const mode = overrideMode(item, 'items', label, it.position, r);
  if (mode === undefined) return;
  const prev = state.lists.get(name);
  if (mode === 'append') {
    if (prev === undefined) {
      r.error('LOAD_ERR_VALIDATE', "List uses 'append' or 'override.items: append' but no list by that name already exists", label, it.position);
      return;
    }
    prev.items.push(...items);
    return;
  }
  if (mode === 'replace' && prev !== undefined) {
    prev.items = items;
    return;
  }
  state.lists.set(name, { name, items, position: it.position });
}

function collectMacro(item: ItemMap, it: RulesItem, state: RulesetState, r: Reporter): void {
  const name = str(item['macro']) ?? '';
  const label = `macro '${name}'`;
  warnUnknownKeys('macro', item, name, it.position, r);
  if (!NAME_RE.test(name)) r.warn('LOAD_INVALID_MACRO_NAME', `Macro has an invalid name. Macro names should match a regular expression: ${NAME_RE.source}`, label, it.position);
  const condition = str(item['condition']);
  if (condition === undefined) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Item has no mapping for key 'condition'", label, it.position);
    return;
  }
  const mode = overrideMode(item, 'condition', label, it.position, r);
  if (mode === undefined) return;
  const conditionPosition = it.keyPositions.get('condition') ?? it.position;
  const prev = state.macros.get(name);
  if (mode === 'append') {
    if (prev === undefined) {
      r.error('LOAD_ERR_VALIDATE', "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists", label, it.position);
      return;
    }
    prev.condition = `${prev.condition} ${condition}`;
    return;
  }
  if (mode === 'replace' && prev !== undefined) {
    prev.condition = condition;
    prev.conditionPosition = conditionPosition;
    return;
  }
  state.macros.set(name, { name, condition, conditionPosition, position: it.position });
}

/** Parses the `exceptions` key of a rule item (validation of comps happens when compiling). */
export function readExceptions(raw: unknown, label: string, pos: ItemPosition, r: Reporter, requireFields: boolean, overriding = false): ExceptionDef[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    r.error('LOAD_ERR_YAML_VALIDATE', "Value of 'exceptions' must be a sequence", label, pos);
    return undefined;
  }
  const out: ExceptionDef[] = [];
  for (const e of raw) {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) {
      r.error('LOAD_ERR_YAML_VALIDATE', 'Each exception must be a map', label, pos);
      return undefined;
    }
    const m = e as ItemMap;
    const name = str(m['name']);
    if (name === undefined) {
      r.error('LOAD_ERR_YAML_VALIDATE', "Item has no mapping for key 'name'", label, pos);
      return undefined;
    }
    if (requireFields && m['fields'] === undefined) {
      r.error('LOAD_ERR_YAML_VALIDATE', "Item has no mapping for key 'fields'", label, pos);
      return undefined;
    }
    if (out.some((x) => x.name === name)) r.warn('LOAD_EXCEPTION_NAME_NOT_UNIQUE', `Multiple definitions of exception '${name}' in the same rule`, label, pos);
    if (m['values'] === undefined && overriding) r.warn('LOAD_APPEND_NO_VALUES', 'Overriding/appending exception with no values', label, pos);
    const fields = m['fields'] as string | string[] | undefined;
    const comps = m['comps'] as string | string[] | undefined;
    out.push({ name, fields, comps, values: Array.isArray(m['values']) ? (m['values'] as unknown[]) : [] });
  }
  return out;
}

export type { RuleDef };
export { parsePriority };
