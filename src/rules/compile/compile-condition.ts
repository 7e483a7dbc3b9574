import type { BinaryCheckExpr, Expr } from '../condition/ast.js';
import { formatCondition } from '../condition/format-condition.js';
import type { FieldRegistry } from '../fields/field-registry.js';
import { compareDynamic, compileValueTest } from './compare-op.js';
import type { ValueTest } from './compare-op.js';
import { compileOperand, multiValues } from './compile-operand.js';
import type { Operand } from './compile-operand.js';
import type { EventRecord, Extractor, Predicate } from './event-record.js';
import { ConditionCompileError } from './event-record.js';
import { parseRhsConstant, toKind } from './rhs-value.js';
import { pathPrefixListMatcher } from './glob-match.js';
import { generateExpression, instantiate } from './generate-predicate.js';
import type { GeneratedParts } from './generate-predicate.js';

const listOps = new Set(['in', 'intersects', 'pmatch']);

/**
 * Shares compiled sub-conditions between rules: a sub-condition that occurs more than once in the
 * ruleset (typically a macro) is compiled once and its result is remembered for the current event.
 * `clock.gen` is bumped by the engine for every event it evaluates, so a result is reused only for the
 * same event object within the same evaluation.
 */
export interface CompileMemo {
  readonly shared: ReadonlySet<string>;
  /** Printed form of each sub-condition, computed once (keys of `shared` and `compiled`). */
  readonly keys?: WeakMap<Expr, string>;
  readonly compiled: Map<string, Predicate>;
  readonly clock: { gen: number };
  /** Derived/argument field extractors shared by the generated code, by operand (see rememberValue). */
  readonly extractors?: Map<string, Extractor>;
}

/** Counts sub-conditions across expressions; those seen twice or more are worth sharing. */
export function findSharedSubconditions(exprs: readonly Expr[], keys?: WeakMap<Expr, string>): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'identifier') return;
    const key = keyOf(e, keys);
    if (seen.has(key)) {
      shared.add(key);
      return;
    }
    seen.add(key);
    if (e.kind === 'and' || e.kind === 'or') e.children.forEach(visit);
    else if (e.kind === 'not') visit(e.child);
  };
  exprs.forEach(visit);
  return shared;
}

/** formatCondition with a per-node cache. */
export function keyOf(e: Expr, keys: WeakMap<Expr, string> | undefined): string {
  if (keys === undefined) return formatCondition(e);
  let k = keys.get(e);
  if (k === undefined) {
    // Same text as formatCondition, built from the children's cached keys (linear overall).
    if (e.kind === 'and' || e.kind === 'or') k = `(${e.children.map((c) => keyOf(c, keys)).join(` ${e.kind} `)})`;
    else if (e.kind === 'not') k = `not ${keyOf(e.child, keys)}`;
    else k = formatCondition(e);
    keys.set(e, k);
  }
  return k;
}

/** An extractor remembering its value for the last event object within the same evaluation (as remember). */
function rememberValue(inner: Extractor, clock: { gen: number }): Extractor {
  let lastEvent: EventRecord | undefined;
  let lastGen = -1;
  let last: unknown;
  return (e) => {
    if (e === lastEvent && lastGen === clock.gen) return last;
    last = inner(e);
    lastEvent = e;
    lastGen = clock.gen;
    return last;
  };
}

function remember(inner: Predicate, clock: { gen: number }): Predicate {
  let lastEvent: EventRecord | undefined;
  let lastGen = -1;
  let last = false;
  return (e) => {
    if (e === lastEvent && lastGen === clock.gen) return last;
    last = inner(e);
    lastEvent = e;
    lastGen = clock.gen;
    return last;
  };
}

/**
 * Compiles an expanded condition (no macro or list identifiers left) into a predicate. An operand that
 * cannot be extracted makes its check false, whatever the operator (libsinsp semantics).
 */
export function compileCondition(expr: Expr, registry: FieldRegistry, memo?: CompileMemo): Predicate {
  if (memo === undefined || expr.kind === 'identifier') return compileNode(expr, registry, memo);
  return compileShared(expr, registry, memo);
}


/**
 * Ruleset compilation: generated code per (shared) sub-condition, closures for the rest. A shared
 * sub-condition becomes its own remembered function, called from every rule that uses it.
 */
export function compileGenerated(expr: Expr, registry: FieldRegistry, memo: CompileMemo): Predicate {
  const key = keyOf(expr, memo.keys);
  const done = memo.compiled.get(key);
  if (done !== undefined) return done;
  const parts: GeneratedParts = { closures: [], sets: [], keys: new Map(), extractors: new Map(), shareExtractor: (id, x) => {
    if (memo.extractors === undefined) return x;
    let shared = memo.extractors.get(id);
    if (shared === undefined) memo.extractors.set(id, (shared = rememberValue(x, memo.clock)));
    return shared;
  } };
  const source = generateExpression(expr, registry, parts, (e) => compileNode(e, registry, undefined), (e) => {
    if (e === expr || e.kind === 'identifier') return undefined;
    return memo.shared.has(keyOf(e, memo.keys)) ? compileGenerated(e, registry, memo) : undefined;
  });
  const p = instantiate(source, parts, memo.shared.has(key) && expr.kind !== 'unary' ? memo.clock : undefined);
  memo.compiled.set(key, p);
  return p;
}

function compileShared(expr: Expr, registry: FieldRegistry, memo: CompileMemo): Predicate {
  const key = keyOf(expr, memo.keys);
  const done = memo.compiled.get(key);
  if (done !== undefined) return done;
  const inner = compileNode(expr, registry, memo);
  const p = memo.shared.has(key) && expr.kind !== 'unary' ? remember(inner, memo.clock) : inner;
  memo.compiled.set(key, p);
  return p;
}

function compileNode(expr: Expr, registry: FieldRegistry, memo: CompileMemo | undefined): Predicate {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.children.map((c) => compileCondition(c, registry, memo));
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (e) => a(e) && b(e);
      }
      return (e) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as Predicate)(e)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = expr.children.map((c) => compileCondition(c, registry, memo));
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (e) => a(e) || b(e);
      }
      return (e) => {
        for (let i = 0; i < parts.length; i++) if ((parts[i] as Predicate)(e)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(expr.child, registry, memo);
      return (e) => !inner(e);
    }
    case 'identifier':
      throw new ConditionCompileError(`Undefined macro '${expr.name}' used in filter.`, expr.pos.idx);
    case 'unary': {
      const o = compileOperand(expr.left, registry);
      const get = o.extract;
      return o.multi ? (e) => multiValues(o, get(e)) !== undefined : (e) => get(e) !== undefined;
    }
    case 'binary':
      return compileBinary(expr, registry);
  }
}

function pmatchList(m: (path: string) => boolean): ValueTest {
  return (l) => m(l as string);
}

function combine(tests: readonly ValueTest[], all: boolean): ValueTest {
  if (tests.length === 1) return tests[0] as ValueTest;
  if (all) return (l) => tests.every((t) => t(l));
  return (l) => {
    for (let i = 0; i < tests.length; i++) if ((tests[i] as ValueTest)(l)) return true;
    return false;
  };
}

function compileBinary(expr: BinaryCheckExpr, registry: FieldRegistry): Predicate {
  const left = compileOperand(expr.left, registry);
  const idx = expr.pos.idx;
  const op = expr.op;
  if (expr.right.kind === 'field' || expr.right.kind === 'transformer') {
    const right = compileOperand(expr.right, registry);
    return withDynamic(left, (e, l) => {
      const raw = right.extract(e);
      const rs = right.multi ? multiValues(right, raw) : raw === undefined ? undefined : [raw];
      return rs !== undefined && rs.some((x) => compareDynamic(op, left.kind, l, x));
    });
  }
  const texts = expr.right.kind === 'list' ? expr.right.values : [expr.right.value];
  if (expr.right.kind === 'value' && listOps.has(op)) {
    throw new ConditionCompileError(`Undefined list '${expr.right.value}' used in filter.`, idx);
  }
  if (op === 'in' && left.kind === 'string' && !left.isList) {
    const set = new Set(texts);
    const test: ValueTest = texts.length === 1 ? ((only) => (l: unknown) => l === only)(texts[0]) : (l) => set.has(l as string);
    return plainPredicate(left, test) ?? withLeft(left, test);
  }
  const tests = texts.map((t) => compileValueTest(op, left.kind, parseRhsConstant(t, left.kind, op, idx), idx));
  if ((op === '=' || op === '==') && expr.modifier === undefined && texts.length === 1 && jsType[left.kind] !== undefined) {
    const eq = parseRhsConstant(texts[0] as string, left.kind, op, idx);
    const fast = plainPredicate(left, tests[0] as ValueTest, eq);
    if (fast !== undefined) return fast;
  }
  if (listOps.has(op)) {
    const any: ValueTest = op === 'pmatch' && left.kind === 'string' ? pmatchList(pathPrefixListMatcher(texts)) : combine(tests, false);
    if (left.isList && op === 'in') {
      return (e) => {
        const v = multiValues(left, left.extract(e));
        return v !== undefined && v.every((x) => any(x));
      };
    }
    return plainPredicate(left, any) ?? withLeft(left, any);
  }
  const test = expr.modifier !== undefined ? combine(tests, expr.modifier === 'allof') : (tests[0] ?? (() => false));
  return plainPredicate(left, test) ?? withLeft(left, test);
}

const jsType: Readonly<Record<string, string>> = { string: 'string', number: 'number', bool: 'boolean' };

/**
 * Fast path for a plain key of a string, number or boolean field: reads `event[key]` directly and only
 * converts when the JSON type differs from the field's (e.g. a number sent for a string field).
 */
function plainPredicate(left: Operand, test: ValueTest, eq?: unknown): Predicate | undefined {
  const key = left.plainKey;
  const want = jsType[left.kind];
  if (key === undefined || want === undefined || left.multi) return undefined;
  const kind = left.kind;
  if (eq !== undefined) {
    return (e) => {
      const v = e[key];
      if (typeof v === want) return v === eq;
      return v !== undefined && v !== null && toKind(v, kind) === eq;
    };
  }
  return (e) => {
    const v = e[key];
    if (typeof v === want) return test(v);
    if (v === undefined || v === null) return false;
    const x = toKind(v, kind);
    return x !== undefined && test(x);
  };
}

function withDynamic(left: Operand, dynamic: (e: EventRecord, l: unknown) => boolean): Predicate {
  const get = left.extract;
  return (e) => {
    const v = get(e);
    if (v === undefined) return false;
    if (left.multi) return multiValues(left, v)?.some((x) => dynamic(e, x)) ?? false;
    return dynamic(e, v);
  };
}

/** Applies a value test to the left operand: unextractable → false, multi-valued → any element. */
function withLeft(left: Operand, test: ValueTest): Predicate {
  const get = left.extract;
  if (left.multi) {
    const { skip, convert } = left;
    return (e) => {
      const v = get(e);
      if (!Array.isArray(v)) return false;
      for (let i = skip; i < v.length; i++) {
        const raw: unknown = v[i];
        if (raw === null || raw === undefined) continue;
        const x = convert(raw);
        if (x !== undefined && test(x)) return true;
      }
      return false;
    };
  }
  return (e) => {
    const v = get(e);
    return v !== undefined && test(v);
  };
}
