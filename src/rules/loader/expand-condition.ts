import type { Expr } from '../condition/ast.js';
import { ConditionCompileError } from '../compile/event-record.js';
import { unescapeQuoted } from '../condition/escaping.js';

/** Where a macro or list referenced by a condition was defined (for `rules explain`). */
export interface Reference {
  readonly kind: 'macro' | 'list';
  readonly name: string;
}

export interface ExpandContext {
  /** Parsed macro conditions by name (parse errors are reported where the macro is defined). */
  macro(name: string): Expr | undefined;
  list(name: string): readonly string[] | undefined;
}

const listOps = new Set(['in', 'intersects', 'pmatch']);

/** Replaces macro identifiers with their conditions and list names with their items, recursively. */
export function expandCondition(e: Expr, ctx: ExpandContext, used: Set<string>, stack: readonly string[] = []): Expr {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { ...e, children: e.children.map((c) => expandCondition(c, ctx, used, stack)) };
    case 'not':
      return { ...e, child: expandCondition(e.child, ctx, used, stack) };
    case 'identifier': {
      const m = ctx.macro(e.name);
      if (m === undefined) throw new ConditionCompileError(`Undefined macro '${e.name}' used in filter.`, e.pos.idx);
      if (stack.includes(e.name)) throw new ConditionCompileError(`Macro '${e.name}' references itself`, e.pos.idx);
      used.add(`macro:${e.name}`);
      return expandCondition(m, ctx, used, [...stack, e.name]);
    }
    case 'unary':
      return e;
    case 'binary': {
      const r = e.right;
      if (r.kind === 'list') return { ...e, right: { ...r, values: r.values.flatMap((v) => expandItem(v, ctx, used)) } };
      if (r.kind === 'value' && (listOps.has(e.op) || e.modifier !== undefined)) {
        const items = ctx.list(r.value);
        if (items === undefined) throw new ConditionCompileError(`Undefined list '${r.value}' used in filter.`, r.pos.idx);
        used.add(`list:${r.value}`);
        return { ...e, right: { kind: 'list', values: items.flatMap((v) => expandItem(v, ctx, used)), pos: r.pos } };
      }
      return e;
    }
  }
}

/** List items written with quotes (`'"10.0.0.0/8"'`) stand for the quoted string, as in a condition. */
function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
    try {
      return unescapeQuoted(v, { idx: 0, line: 1, col: 1 });
    } catch {
      return v; // a malformed escape inside a list item: keep the item verbatim (Falco compares it as written)
    }
  }
  return v;
}

function expandItem(v: string, ctx: ExpandContext, used: Set<string>, depth = 0): string[] {
  const items = ctx.list(v);
  if (items === undefined || depth > 32) return [depth > 0 ? unquote(v) : v];
  used.add(`list:${v}`);
  return items.flatMap((x) => expandItem(x, ctx, used, depth + 1));
}
