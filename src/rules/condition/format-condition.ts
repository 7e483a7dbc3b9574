import type { Expr, FieldLike, LiteralExpr } from './ast.js';
import { escapeValue } from './escaping.js';

function formatOperand(e: FieldLike | LiteralExpr): string {
  if (e.kind === 'literal') return escapeValue(e.value);
  if (e.kind === 'field') return e.arg === undefined ? e.field : `${e.field}[${e.arg}]`;
  if (e.name === 'join') return `join(${escapeValue(e.param ?? '')}, (${e.args.map(formatOperand).join(', ')}))`;
  if (e.name === 'getopt') {
    const arg = e.arg === undefined ? '' : `[${e.arg}]`;
    return `getopt(${e.args.map(formatOperand).join(', ')}, ${escapeValue(e.param ?? '')})${arg}`;
  }
  return `${e.name}(${e.args.map(formatOperand).join(', ')})`;
}

/** Prints a condition AST the way libsinsp's `ast::as_string` does (Falco's "compiled condition"). */
export function formatCondition(e: Expr): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `(${e.children.map(formatCondition).join(` ${e.kind} `)})`;
    case 'not':
      return `not ${formatCondition(e.child)}`;
    case 'identifier':
      return e.name;
    case 'unary':
      return `${formatOperand(e.left)} ${e.op}`;
    case 'binary': {
      const op = e.modifier === undefined ? e.op : `${e.op} ${e.modifier}`;
      const r = e.right;
      const right = r.kind === 'value' ? escapeValue(r.value) : r.kind === 'list' ? `(${r.values.map(escapeValue).join(', ')})` : formatOperand(r);
      return `${formatOperand(e.left)} ${op} ${right}`;
    }
  }
}
