import type { Expr } from '../condition/ast.js';

/**
 * The event types a condition can match (libsinsp `ppm_event_codes`): `evt.type` checks give their set,
 * every other check is neutral (all types), `and` intersects, `or` unites, and `not` is pushed inward by
 * De Morgan's laws so that a negated neutral check stays neutral.
 */
export function conditionEventTypes(expr: Expr, universe: readonly string[]): Set<string> {
  const all = new Set(universe);
  return walk(expr, false, all) ?? all;
}

/** `null` stands for "every event type" (most nodes), which keeps the walk cheap. */
function walk(e: Expr, negated: boolean, all: ReadonlySet<string>): Set<string> | null {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const intersect = (e.kind === 'and') !== negated;
      let acc: Set<string> | null = intersect ? null : new Set();
      for (const c of e.children) {
        const s = walk(c, negated, all);
        if (intersect) acc = s === null ? acc : acc === null ? s : new Set([...acc].filter((x) => s.has(x)));
        else if (acc !== null) acc = s === null ? null : new Set([...acc, ...s]);
      }
      return acc;
    }
    case 'not':
      return walk(e.child, !negated, all);
    case 'identifier':
      return null;
    case 'unary':
      if (e.left.kind === 'field' && e.left.field === 'evt.type' && e.left.arg === undefined) return negated ? new Set() : null;
      return null;
    case 'binary': {
      const invariant = evtNumInvariant(e);
      if (invariant === 'never' && !negated) return new Set();
      if (invariant === 'always' && negated) return new Set();
      if (e.left.kind !== 'field' || e.left.field !== 'evt.type' || e.left.arg !== undefined || e.modifier !== undefined) return null;
      const r = e.right;
      if (r.kind !== 'value' && r.kind !== 'list') return null;
      const names = r.kind === 'list' ? r.values : [r.value];
      let positive: boolean;
      if (e.op === '=' || e.op === '==' || e.op === 'in') positive = true;
      else if (e.op === '!=') positive = false;
      else return null;
      if (negated) positive = !positive;
      const matched = new Set(names.filter((n) => all.has(n)));
      return positive ? matched : new Set([...all].filter((x) => !matched.has(x)));
    }
  }
}

/**
 * `evt.num` is never 0 (events are numbered from 1), so some checks on it can never or always hold;
 * libsinsp folds those into the empty set. Only plain decimal constants are considered.
 */
function evtNumInvariant(e: Extract<Expr, { kind: 'binary' }>): 'never' | 'always' | undefined {
  if (e.left.kind !== 'field' || e.left.field !== 'evt.num' || e.left.arg !== undefined || e.modifier !== undefined) return undefined;
  const r = e.right;
  if (r.kind !== 'value' && r.kind !== 'list') return undefined;
  const texts = r.kind === 'list' ? r.values : [r.value];
  if (!texts.every((t) => /^[0-9]+$/.test(t))) return undefined;
  const vals = texts.map(Number);
  const v = vals[0] ?? 0;
  switch (e.op) {
    case '=': case '==': case 'in': return vals.every((x) => x === 0) ? 'never' : undefined;
    case '<': return v <= 1 ? 'never' : undefined;
    case '<=': return v < 1 ? 'never' : undefined;
    case '!=': return v === 0 ? 'always' : undefined;
    case '>': return v === 0 ? 'always' : undefined;
    case '>=': return v <= 1 ? 'always' : undefined;
  }
  return undefined;
}
