import type { Expr } from '../condition/ast.js';
import { ConditionSyntaxError } from '../condition/condition-syntax-error.js';
import { parseCondition } from '../condition/parse-condition.js';
import { compileGenerated, findSharedSubconditions, keyOf } from '../compile/compile-condition.js';
import type { CompileMemo } from '../compile/compile-condition.js';
import { ConditionCompileError } from '../compile/event-record.js';
import { conditionEventTypes } from '../compile/event-types.js';
import type { FieldRegistry } from '../fields/field-registry.js';
import { compileOutput } from '../output/format-output.js';
import { applyExceptions } from './build-exceptions.js';
import type { Reporter } from './collect-items.js';
import type { CompiledRule } from './compiled-rule.js';
import { expandCondition } from './expand-condition.js';
import type { ItemPosition } from './load-diagnostic.js';
import type { RuleDef, RulesetState } from './ruleset-model.js';

export const NO_EVTTYPE_WARNING = 'Rule matches too many evt.type values. This has a significant performance penalty.';
const KNOWN_SOURCES = new Set(['syscall']);

function at(p: ItemPosition, idx: number, text: string): ItemPosition {
  const before = text.slice(0, idx);
  const nl = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return { file: p.file, line: p.line + lines, column: nl < 0 ? p.column + idx : idx - nl };
}

function fieldsOf(e: Expr, out: Set<string>): void {
  if (e.kind === 'and' || e.kind === 'or') e.children.forEach((c) => fieldsOf(c, out));
  else if (e.kind === 'not') fieldsOf(e.child, out);
  else if (e.kind === 'unary' || e.kind === 'binary') {
    const walk = (f: unknown): void => {
      const n = f as { kind: string; field?: string; args?: unknown[] };
      if (n.kind === 'field' && n.field !== undefined) out.add(n.field);
      n.args?.forEach(walk);
    };
    walk(e.left);
    if (e.kind === 'binary') walk(e.right);
  }
}

/** Compiles every rule of the state; errors and warnings go to `r`. */
export function compileRuleset(state: RulesetState, registry: FieldRegistry, r: Reporter): CompiledRule[] {
  const macroAsts = new Map<string, Expr | null>();
  const macro = (name: string): Expr | undefined => {
    if (!macroAsts.has(name)) {
      const def = state.macros.get(name);
      if (def === undefined) return undefined;
      try {
        macroAsts.set(name, parseCondition(def.condition));
      } catch (e) {
        if (!(e instanceof ConditionSyntaxError)) throw e;
        r.error('LOAD_ERR_COMPILE_CONDITION', e.message, `macro '${name}'`, at(def.conditionPosition, e.pos.idx, def.condition));
        macroAsts.set(name, null);
      }
    }
    return macroAsts.get(name) ?? undefined;
  };
  for (const name of state.macros.keys()) macro(name);
  const ctx = { macro, list: (n: string) => state.lists.get(n)?.items };
  const used = new Set<string>();
  const out: CompiledRule[] = [];
  const clock = { gen: 0 };
  // Pass 1: exceptions, parsing and expansion; pass 2 compiles with sub-conditions shared across rules.
  const expanded: { rule: RuleDef; condition: string; ast: Expr; refs: Set<string> }[] = [];
  for (const rule of state.rules.values()) {
    const label = `rule '${rule.name}'`;
    if (!KNOWN_SOURCES.has(rule.source)) {
      r.warn('LOAD_UNKNOWN_SOURCE', `Unknown source ${rule.source}, skipping`, label, rule.position);
      continue;
    }
    const condition = applyExceptions(rule.condition, rule.exceptions, registry, label, rule.position, r);
    if (condition === undefined) continue;
    const refs = new Set<string>();
    try {
      expanded.push({ rule, condition, ast: expandCondition(parseCondition(condition), ctx, refs), refs });
    } catch (e) {
      reportFailure(e, rule, condition, r);
    }
  }
  const keys = new WeakMap<Expr, string>();
  const memo: CompileMemo = { shared: findSharedSubconditions(expanded.map((x) => x.ast), keys), compiled: new Map(), clock, keys, extractors: new Map() };
  let index = 0;
  for (const { rule, ast, refs } of expanded) {
    const label = `rule '${rule.name}'`;
    try {
      const predicate = compileGenerated(ast, registry, memo);
      const output = compileOutput(rule.output, registry);
      const fields = new Set<string>();
      fieldsOf(ast, fields);
      for (const f of fields) {
        if (registry.fields.get(f)?.deprecated === true) r.warn('LOAD_DEPRECATED_ITEM', `usage of deprecated field '${f}' has been detected in the rule condition`, label, rule.conditionPosition);
      }
      for (const f of output.deprecatedFields) r.warn('LOAD_DEPRECATED_ITEM', `usage of deprecated field '${f}' has been detected in the rule output`, label, rule.position);
      if (comparesWithNA(ast)) {
        r.warn('LOAD_UNSAFE_NA_CHECK', "Comparing a field value with <NA> is unsafe and can lead to unpredictable behavior of the rule condition. If you need to check for the existence of a field, consider using the 'exists' operator instead.", label, rule.conditionPosition);
      }
      const eventTypes = conditionEventTypes(ast, registry.eventNames);
      const matchesAllTypes = eventTypes.size === registry.eventNames.length;
      if (matchesAllTypes && rule.warnEvttypes) r.warn('LOAD_NO_EVTTYPE', NO_EVTTYPE_WARNING, label, rule.conditionPosition);
      refs.forEach((x) => used.add(x));
      out.push({
        name: rule.name, desc: rule.desc, priority: rule.priority, tags: rule.tags, source: rule.source, output: rule.output,
        enabled: rule.enabled, compiledCondition: keyOf(ast, keys), ast, predicate, eventTypes, matchesAllTypes,
        references: [...refs], position: rule.position, index: index++, clock,
      });
    } catch (e) {
      reportFailure(e, rule, rule.condition, r);
    }
  }
  for (const [name, def] of state.macros) if (!used.has(`macro:${name}`)) r.warn('LOAD_UNUSED_MACRO', 'Macro not referred to by any other rule/macro', `macro '${name}'`, def.position);
  for (const [name, def] of state.lists) if (!used.has(`list:${name}`)) r.warn('LOAD_UNUSED_LIST', 'List not referred to by any other rule/macro/list', `list '${name}'`, def.position);
  return out;
}

function reportFailure(e: unknown, rule: RuleDef, condition: string, r: Reporter): void {
  const label = `rule '${rule.name}'`;
  if (!rule.enabled && (e instanceof ConditionSyntaxError || e instanceof ConditionCompileError)) {
    // Falco does not compile disabled rules; Rampart tries, and reports what would fail if enabled.
    r.warn('LOAD_COMPILE_CONDITION', `rule is disabled and would not compile: ${e.message}`, label, rule.conditionPosition);
  } else if (e instanceof ConditionSyntaxError) {
    r.error('LOAD_ERR_COMPILE_CONDITION', e.message, label, at(rule.conditionPosition, e.pos.idx, condition));
  } else if (e instanceof ConditionCompileError) {
    const unknownField = e.message.startsWith('filter_check called with nonexistent field') || e.message.startsWith('invalid formatting token');
    if (unknownField && rule.skipIfUnknownFilter) {
      r.warn('LOAD_UNKNOWN_FILTER', `${e.message}; rule skipped (skip-if-unknown-filter)`, label, rule.conditionPosition);
    } else if (e.message.startsWith('invalid formatting token')) {
      r.error('LOAD_ERR_COMPILE_OUTPUT', e.message, label, rule.position);
    } else {
      r.error('LOAD_ERR_COMPILE_CONDITION', e.message, label, at(rule.conditionPosition, Math.min(e.idx, rule.condition.length), rule.condition));
    }
  } else {
    throw e;
  }
}

/** Does the condition compare a field with the literal `<NA>` (Falco's LOAD_UNSAFE_NA_CHECK)? */
function comparesWithNA(e: Expr): boolean {
  switch (e.kind) {
    case 'and': case 'or': return e.children.some(comparesWithNA);
    case 'not': return comparesWithNA(e.child);
    case 'binary': return (e.right.kind === 'value' && e.right.value === '<NA>') || (e.right.kind === 'list' && e.right.values.includes('<NA>'));
    default: return false;
  }
}
