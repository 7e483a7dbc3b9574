import type { ItemMap, Reporter } from './collect-items.js';
import { APPEND_DEPRECATED, readExceptions, str, warnUnknownKeys } from './collect-items.js';
import type { RulesItem } from './read-rules-yaml.js';
import type { ExceptionDef, RuleDef, RulesetState } from './ruleset-model.js';
import { parsePriority } from './ruleset-model.js';

const appendable = new Set(['condition', 'output', 'desc', 'tags', 'exceptions']);
const replaceable = new Set(['condition', 'output', 'desc', 'priority', 'tags', 'exceptions', 'enabled', 'warn_evttypes', 'skip-if-unknown-filter', 'capture', 'capture_duration']);
const required = ['condition', 'output', 'desc', 'priority'] as const;

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => str(x) ?? '') : [];
}

/** Merges appended exceptions: same name → values appended; new name → added. */
function appendExceptions(rule: RuleDef, add: readonly ExceptionDef[]): void {
  for (const e of add) {
    const prev = rule.exceptions.find((x) => x.name === e.name);
    if (prev === undefined) {
      rule.exceptions.push(e);
      continue;
    }
    prev.values.push(...e.values);
  }
}

function setKey(rule: RuleDef, key: string, item: ItemMap, it: RulesItem, r: Reporter, label: string, replacing = false): boolean {
  const v = item[key];
  switch (key) {
    case 'condition': rule.condition = str(v) ?? ''; rule.conditionPosition = it.keyPositions.get('condition') ?? it.position; return true;
    case 'output': rule.output = (str(v) ?? '').trim(); return true;
    case 'desc': rule.desc = str(v) ?? ''; return true;
    case 'tags': rule.tags = strList(v); return true;
    case 'enabled': rule.enabled = v !== false; return true;
    case 'warn_evttypes': rule.warnEvttypes = v !== false; return true;
    case 'skip-if-unknown-filter': rule.skipIfUnknownFilter = v === true; return true;
    case 'capture': // Falco accepts any scalar here (its own test loads `capture: "yes"`); only `true` turns capture on
      rule.capture = v === true; return true;
    case 'capture_duration':
      if (typeof v !== 'number') { r.error('LOAD_ERR_YAML_VALIDATE', "Value of 'capture_duration' must be a number", label, it.position); return false; }
      rule.captureDuration = v; return true;
    case 'priority': {
      const p = parsePriority(str(v) ?? '');
      if (p === undefined) { r.error('LOAD_ERR_VALIDATE', `Invalid priority '${String(v)}'`, label, it.keyPositions.get('priority') ?? it.position); return false; }
      rule.priority = p; return true;
    }
    case 'exceptions': {
      const ex = readExceptions(v, label, it.position, r, replacing, replacing);
      if (ex === undefined) return false;
      rule.exceptions = ex; return true;
    }
  }
  return true;
}

function appendKey(rule: RuleDef, key: string, item: ItemMap, it: RulesItem, r: Reporter, label: string): boolean {
  const v = item[key];
  switch (key) {
    case 'condition': rule.condition = `${rule.condition} ${str(v) ?? ''}`; return true;
    case 'output': rule.output = `${rule.output} ${(str(v) ?? '').trim()}`; return true;
    case 'desc': rule.desc = `${rule.desc} ${str(v) ?? ''}`; return true;
    case 'tags': rule.tags.push(...strList(v).filter((t) => !rule.tags.includes(t))); return true;
    case 'exceptions': {
      const ex = readExceptions(v, label, it.position, r, false, true);
      if (ex === undefined) return false;
      appendExceptions(rule, ex);
      return true;
    }
  }
  return true;
}

/** One `- rule:` item: definition, `append: true`, `override:` (append/replace per key), or standalone `enabled`. */
export function collectRule(item: ItemMap, it: RulesItem, state: RulesetState, r: Reporter): void {
  const name = str(item['rule']) ?? '';
  const label = `rule '${name}'`;
  warnUnknownKeys('rule', item, name, it.position, r);
  const prev = state.rules.get(name);
  const source = item['source'] === undefined ? undefined : (str(item['source']) ?? '');
  if (prev !== undefined && source !== undefined && source !== '' && source !== prev.source) {
    r.error('LOAD_ERR_VALIDATE', 'Rule has been re-defined with a different source', label, it.position);
    return;
  }
  const append = item['append'] === true;
  if (item['append'] !== undefined) r.warn('LOAD_DEPRECATED_ITEM', APPEND_DEPRECATED, label, it.position);
  const ov = item['override'];
  if (ov !== undefined) {
    if (append) {
      r.error('LOAD_ERR_YAML_VALIDATE', "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.", label, it.position);
      return;
    }
    if (ov === null || typeof ov !== 'object' || Array.isArray(ov)) {
      r.error('LOAD_ERR_YAML_VALIDATE', "Value of 'override' must be a map", label, it.position);
      return;
    }
    const modes = Object.entries(ov as ItemMap);
    for (const [key, mode] of modes) {
      if (mode === 'append' && !appendable.has(key)) {
        r.error('LOAD_ERR_VALIDATE', `Key '${key}' cannot be appended to, use 'replace' instead`, label, it.position);
        return;
      }
      if ((mode !== 'append' && mode !== 'replace') || !replaceable.has(key)) {
        r.error('LOAD_ERR_VALIDATE', `Key '${key}' cannot be overridden with '${String(mode)}'`, label, it.position);
        return;
      }
      if (!(key in item)) {
        r.error('LOAD_ERR_VALIDATE', `An ${mode} override for '${key}' was specified but '${key}' is not defined`, label, it.position);
        return;
      }
    }
    for (const key of Object.keys(item)) {
      if (key !== 'rule' && key !== 'override' && key !== 'source' && !(key in (ov as ItemMap)) && replaceable.has(key)) {
        r.error('LOAD_ERR_VALIDATE', `Unexpected key '${key}': an 'override' entry must be specified for it`, label, it.position);
        return;
      }
    }
    if (prev === undefined) {
      r.error('LOAD_ERR_VALIDATE', modes.some(([, m]) => m === 'append')
        ? "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists"
        : "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists", label, it.position);
      return;
    }
    for (const [key, mode] of modes) {
      const ok = mode === 'append' ? appendKey(prev, key, item, it, r, label) : setKey(prev, key, item, it, r, label, true);
      if (!ok) return;
    }
    return;
  }
  if (append) {
    if (prev === undefined) {
      r.error('LOAD_ERR_VALIDATE', "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists", label, it.position);
      return;
    }
    for (const key of ['condition', 'output', 'desc', 'tags', 'exceptions']) {
      if (key in item && !appendKey(prev, key, item, it, r, label)) return;
    }
    return;
  }
  const keys = Object.keys(item).filter((k) => k !== 'rule');
  if (prev !== undefined && keys.length > 0 && keys.every((k) => k === 'enabled')) {
    r.warn('LOAD_DEPRECATED_ITEM', "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').", label, it.position);
    prev.enabled = item['enabled'] !== false;
    return;
  }
  for (const key of required) {
    if (item[key] === undefined) {
      r.error('LOAD_ERR_YAML_VALIDATE', `Item has no mapping for key '${key}'`, label, it.position);
      return;
    }
  }
  const rule: RuleDef = {
    name, desc: '', condition: '', conditionPosition: it.position, output: '', priority: 'DEBUG', tags: [], source: source === undefined || source === '' ? 'syscall' : source,
    enabled: true, exceptions: [], warnEvttypes: true, skipIfUnknownFilter: false, capture: false, captureDuration: undefined, position: it.position,
  };
  for (const key of keys) if (key !== 'source' && !setKey(rule, key, item, it, r, label)) return;
  state.rules.set(name, rule);
}
