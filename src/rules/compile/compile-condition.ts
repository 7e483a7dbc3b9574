import type { BinaryCheckExpr, Expr } from '../condition/ast.js';
import type { FieldRegistry } from '../fields/field-registry.js';
import { compareDynamic, compileValueTest } from './compare-op.js';
import type { ValueTest } from './compare-op.js';
import { compileOperand } from './compile-operand.js';
import type { Operand } from './compile-operand.js';
import type { Predicate } from './event-record.js';
import { ConditionCompileError } from './event-record.js';
import { parseRhsConstant } from './rhs-value.js';

const listOps = new Set(['in', 'intersects', 'pmatch']);

/**
 * Compiles an expanded condition (no macro or list identifiers left) into a predicate. An operand that
 * cannot be extracted makes its check false, whatever the operator (libsinsp semantics).
 */
export function compileCondition(expr: Expr, registry: FieldRegistry): Predicate {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.children.map((c) => compileCondition(c, registry));
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (e) => a(e) && b(e);
      }
      return (e) => {
        for (const p of parts) if (!p(e)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = expr.children.map((c) => compileCondition(c, registry));
      if (parts.length === 2) {
        const [a, b] = parts as [Predicate, Predicate];
        return (e) => a(e) || b(e);
      }
      return (e) => {
        for (const p of parts) if (p(e)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(expr.child, registry);
      return (e) => !inner(e);
    }
    case 'identifier':
      throw new ConditionCompileError(`Undefined macro '${expr.name}' used in filter.`, expr.pos.idx);
    case 'unary': {
      const o = compileOperand(expr.left, registry);
      const get = o.extract;
      return o.multi ? (e) => {
        const v = get(e);
        return Array.isArray(v) && v.length > 0;
      } : (e) => get(e) !== undefined;
    }
    case 'binary':
      return compileBinary(expr, registry);
  }
}

function combine(tests: readonly ValueTest[], all: boolean): ValueTest {
  if (tests.length === 1) return tests[0] as ValueTest;
  if (all) return (l) => tests.every((t) => t(l));
  return (l) => {
    for (const t of tests) if (t(l)) return true;
    return false;
  };
}

function compileBinary(expr: BinaryCheckExpr, registry: FieldRegistry): Predicate {
  const left = compileOperand(expr.left, registry);
  const idx = expr.pos.idx;
  const op = expr.op;
  if (expr.right.kind === 'field' || expr.right.kind === 'transformer') {
    const right = compileOperand(expr.right, registry);
    return withLeft(left, (l) => l !== undefined, (e, l) => {
      const r = right.extract(e);
      if (r === undefined) return false;
      const rs = Array.isArray(r) ? r : [r];
      return rs.some((x) => compareDynamic(op, left.kind, l, x));
    });
  }
  const texts = expr.right.kind === 'list' ? expr.right.values : [expr.right.value];
  if (expr.right.kind === 'value' && listOps.has(op)) {
    throw new ConditionCompileError(`Undefined list '${expr.right.value}' used in filter.`, idx);
  }
  if (op === 'in' && left.kind === 'string' && !left.isList) {
    const set = new Set(texts);
    return withLeft(left, (l) => set.has(l as string));
  }
  const tests = texts.map((t) => compileValueTest(op, left.kind, parseRhsConstant(t, left.kind, op, idx), idx));
  if (op === 'in' || op === 'intersects' || op === 'pmatch') {
    const any = combine(tests, false);
    if (left.isList && op === 'in') {
      return (e) => {
        const v = left.extract(e);
        return Array.isArray(v) && v.length > 0 && v.every((x) => any(x));
      };
    }
    return withLeft(left, any);
  }
  if (expr.modifier !== undefined) return withLeft(left, combine(tests, expr.modifier === 'allof'));
  return withLeft(left, tests[0] ?? (() => false));
}

/** Applies a value test to the left operand: unextractable → false, multi-valued → any element. */
function withLeft(left: Operand, test: ValueTest, dynamic?: (e: Parameters<Predicate>[0], l: unknown) => boolean): Predicate {
  const get = left.extract;
  if (dynamic !== undefined) {
    return (e) => {
      const v = get(e);
      if (v === undefined) return false;
      if (left.multi) return Array.isArray(v) && v.some((x) => dynamic(e, x));
      return dynamic(e, v);
    };
  }
  if (left.multi) {
    return (e) => {
      const v = get(e);
      if (!Array.isArray(v)) return false;
      for (const x of v) if (test(x)) return true;
      return false;
    };
  }
  return (e) => {
    const v = get(e);
    return v !== undefined && test(v);
  };
}
