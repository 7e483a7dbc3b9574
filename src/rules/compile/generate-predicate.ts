import type { BinaryCheckExpr, Expr } from '../condition/ast.js';
import type { FieldRegistry } from '../fields/field-registry.js';
import { compileOperand } from './compile-operand.js';
import type { EventRecord, Predicate } from './event-record.js';
import { parseRhsConstant } from './rhs-value.js';

/**
 * Generated-code compilation of a condition. Checks on plain string/number/boolean fields become
 * inline JavaScript (`typeof (t = e["fd.name"]) === "string" ? S0.has(t) : f3(e)`) so that each rule
 * gets its own function with monomorphic property loads; anything else, and values of an unexpected
 * JSON type, go through the closure-compiled predicate of the same check (same semantics).
 * Only field names from the registry and JSON-encoded constants are spliced into the source.
 */
export interface GeneratedParts {
  readonly closures: ((e: EventRecord) => unknown)[];
  readonly sets: Set<string>[];
  /** Event keys read by the generated code: each is read at most once per call into a local (`v0`, `v1`...). */
  readonly keys?: Map<string, number>;
  /** Cached read expressions of the extractors already in `closures`, by operand. */
  readonly extractors?: Map<string, string>;
  /** Shares one extractor per operand across the ruleset (remembering its value for the current event). */
  readonly shareExtractor?: (id: string, extract: (e: EventRecord) => unknown) => (e: EventRecord) => unknown;
}

/** Sentinel of a not-yet-read key local in generated code. */
const notRead: object = Object.freeze({});
const typeOfKind: Readonly<Record<string, string>> = { string: 'string', number: 'number', bool: 'boolean' };
const ancestorArrays = new Set(['proc.aname', 'proc.aexe', 'proc.aexepath', 'proc.acmdline', 'proc.apid']);

export function generateExpression(
  e: Expr,
  registry: FieldRegistry,
  parts: GeneratedParts,
  fallback: (e: Expr) => Predicate,
  opaque: (e: Expr) => Predicate | undefined,
): string {
  const shared = opaque(e);
  if (shared !== undefined) return call(parts, shared);
  switch (e.kind) {
    case 'and':
    case 'or':
      return `(${e.children.map((c) => generateExpression(c, registry, parts, fallback, opaque)).join(e.kind === 'and' ? ' && ' : ' || ')})`;
    case 'not':
      return `!${generateExpression(e.child, registry, parts, fallback, opaque)}`;
    case 'binary': {
      const inline = inlineCheck(e, registry, parts, fallback);
      if (inline !== undefined) return inline;
      return call(parts, fallback(e));
    }
    default:
      return call(parts, fallback(e));
  }
}

function call(parts: GeneratedParts, p: Predicate): string {
  parts.closures.push(p);
  return `f[${parts.closures.length - 1}](e)`;
}

function inlineCheck(e: BinaryCheckExpr, registry: FieldRegistry, parts: GeneratedParts, fallback: (e: Expr) => Predicate): string | undefined {
  if (e.modifier !== undefined || e.left.kind !== 'field' || (e.right.kind !== 'value' && e.right.kind !== 'list')) return undefined;
  const left = compileOperand(e.left, registry);
  const jsType = typeOfKind[left.kind];
  // Plain keys, and ancestor indexes >= 1 (`proc.aname[2]`: element 2 of the array, no fallback needed).
  const index = e.left.arg !== undefined && /^[1-9]\d{0,2}$/.test(e.left.arg) && ancestorArrays.has(e.left.field) ? Number(e.left.arg) : undefined;
  const key = index !== undefined ? e.left.field : left.plainKey;
  if (jsType === undefined || left.multi || left.isList) return undefined;
  let read: string;
  if (key === undefined) {
    // Derived or argument fields: the operand's own (converted) extractor, called once per call.
    read = readExtracted(parts, `${e.left.field}[${e.left.arg ?? ''}]`, left.extract);
  } else {
    const whole = readKey(parts, key);
    read = index === undefined ? whole : `(Array.isArray(t = ${whole}) ? t[${index}] : undefined)`;
  }
  const texts = e.right.kind === 'list' ? e.right.values : [e.right.value];
  if (e.right.kind === 'value' && (e.op === 'in' || e.op === 'pmatch' || e.op === 'intersects')) return undefined;
  let test: string;
  const c = (t: string): string => JSON.stringify(parseRhsConstant(t, left.kind, e.op, e.pos.idx));
  const one = texts[0] as string;
  switch (e.op) {
    case '=': case '==': if (texts.length !== 1) return undefined; test = `t === ${c(one)}`; break;
    case '!=': if (texts.length !== 1) return undefined; test = `t !== ${c(one)}`; break;
    case '<': case '<=': case '>': case '>=':
      if (texts.length !== 1 || left.kind !== 'number') return undefined;
      test = `t ${e.op} ${c(one)}`; break;
    case 'in':
      if (left.kind !== 'string') return undefined;
      if (texts.length === 0) test = 'false';
      else if (texts.length <= 3) test = `(${texts.map((x) => `t === ${JSON.stringify(x)}`).join(' || ')})`;
      else {
        parts.sets.push(new Set(texts));
        test = `S[${parts.sets.length - 1}].has(t)`;
      }
      break;
    case 'startswith': if (texts.length !== 1 || left.kind !== 'string') return undefined; test = `t.startsWith(${c(one)})`; break;
    case 'endswith': if (texts.length !== 1 || left.kind !== 'string') return undefined; test = `t.endsWith(${c(one)})`; break;
    case 'contains': if (texts.length !== 1 || left.kind !== 'string') return undefined; test = `t.includes(${c(one)})`; break;
    default: return undefined;
  }
  const slow = call(parts, fallback(e));
  return `(typeof (t = ${read}) === "${jsType}" ? ${test} : (t !== undefined && t !== null && ${slow}))`;
}

/** The read of `event[key]`, cached in a local of the generated function (M marks "not read yet"). */
function readKey(parts: GeneratedParts, key: string): string {
  if (parts.keys === undefined) return `e[${JSON.stringify(key)}]`;
  let i = parts.keys.get(key);
  if (i === undefined) parts.keys.set(key, (i = parts.keys.size));
  return `(v${i} === M ? (v${i} = e[${JSON.stringify(key)}]) : v${i})`;
}

/** The value of a converted extractor (its field's kind, or undefined), cached like readKey. */
function readExtracted(parts: GeneratedParts, id: string, extract: (e: EventRecord) => unknown): string {
  const known = parts.extractors?.get(id);
  if (known !== undefined) return known;
  parts.closures.push(parts.shareExtractor === undefined ? extract : parts.shareExtractor(id, extract));
  const get = `f[${parts.closures.length - 1}](e)`;
  if (parts.keys === undefined || parts.extractors === undefined) return get;
  const i = parts.keys.size;
  parts.keys.set(`\u0000${id}`, i);
  const read = `(v${i} === M ? (v${i} = ${get}) : v${i})`;
  parts.extractors.set(id, read);
  return read;
}

/**
 * Turns a generated expression into a predicate function. With `clock`, the function remembers its
 * result for the last event object within the same engine evaluation (`clock.gen`).
 */
export function instantiate(source: string, parts: GeneratedParts, clock?: { gen: number }): Predicate {
  // Generated from registry field names and JSON-encoded constants only (see the note above).
  const locals = [...(parts.keys?.values() ?? [])].map((i) => `, v${i} = M`).join('');
  const body = clock === undefined
    ? `"use strict"; return function rule(e) { let t${locals}; return ${source}; };`
    : `"use strict"; let le, lg = -1, lr = false; return function shared(e) { if (e === le && lg === C.gen) return lr; let t${locals}; const r = ${source}; le = e; lg = C.gen; lr = r; return r; };`;
  const factory = new Function('f', 'S', 'C', 'M', body) as (f: ((e: EventRecord) => unknown)[], s: Set<string>[], c: { gen: number } | undefined, m: object) => Predicate;
  return factory(parts.closures, parts.sets, clock, notRead);
}
