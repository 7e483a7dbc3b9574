import type { Expr } from '../condition/ast.js';
import { formatCondition } from '../condition/format-condition.js';
import type { CompiledRule } from '../loader/compiled-rule.js';
import type { ItemPosition } from '../loader/load-diagnostic.js';

export type RuleLintKind = 'shadowed' | 'all-event-types' | 'costly-condition';

/** One lint finding about a rule (data; the CLI renders it). */
export interface RuleLintFinding {
  readonly kind: RuleLintKind;
  readonly rule: string;
  readonly message: string;
  readonly position: ItemPosition;
  /** For `shadowed`: the earlier rule that always wins under first-match. */
  readonly by?: string;
  /** For `costly-condition`: the estimated cost (weighted checks and list items). */
  readonly cost?: number;
}

/** Operators that cost more than a hash lookup or a string compare. */
const opWeight: Readonly<Record<string, number>> = { regex: 8, glob: 4, iglob: 5, pmatch: 3, icontains: 3, contains: 2, endswith: 1.5, bcontains: 3 };

/** Estimated cost of evaluating a condition once (worst case, no short-circuit). */
export function conditionCost(e: Expr): number {
  switch (e.kind) {
    case 'and': case 'or': return e.children.reduce((s, c) => s + conditionCost(c), 0);
    case 'not': return conditionCost(e.child);
    case 'identifier': case 'unary': return 1;
    case 'binary': {
      const w = opWeight[e.op] ?? 1;
      const n = e.right.kind === 'list' ? e.right.values.length : 1;
      if (e.op === 'in' && w === 1) return 1.5; // set lookup
      return w * n + (e.left.kind === 'transformer' ? 2 : 0);
    }
  }
}

function conjuncts(e: Expr): Set<string> {
  return new Set(e.kind === 'and' ? e.children.map(formatCondition) : [formatCondition(e)]);
}

export interface LintOptions {
  /** Cost above which a condition is reported (default 60). */
  readonly costThreshold?: number;
}

/**
 * Lints compiled rules: rules that can never fire under first-match (an earlier enabled rule's
 * conjuncts are a subset of theirs, over a superset of event types), rules matching every event type,
 * and conditions whose estimated cost is above the threshold.
 */
export function lintRules(rules: readonly CompiledRule[], options: LintOptions = {}): RuleLintFinding[] {
  const threshold = options.costThreshold ?? 60;
  const out: RuleLintFinding[] = [];
  const enabled = rules.filter((r) => r.enabled);
  const conj = new Map(enabled.map((r) => [r.name, conjuncts(r.ast)]));
  for (const [i, b] of enabled.entries()) {
    const cb = conj.get(b.name) as Set<string>;
    for (const a of enabled.slice(0, i)) {
      const ca = conj.get(a.name) as Set<string>;
      const typesCovered = [...b.eventTypes].every((t) => a.eventTypes.has(t));
      if (typesCovered && [...ca].every((c) => cb.has(c))) {
        out.push({ kind: 'shadowed', rule: b.name, by: a.name, position: b.position,
          message: `never fires under first-match: every event it matches is matched first by '${a.name}'` });
        break;
      }
    }
  }
  for (const r of enabled) {
    if (r.matchesAllTypes) {
      out.push({ kind: 'all-event-types', rule: r.name, position: r.position, message: 'matches every event type (no evt.type restriction): evaluated on every event' });
    }
    const cost = Math.round(conditionCost(r.ast) * (r.matchesAllTypes ? 4 : 1));
    if (cost > threshold) {
      out.push({ kind: 'costly-condition', rule: r.name, position: r.position, cost, message: `estimated condition cost ${cost} (threshold ${threshold})` });
    }
  }
  return out;
}
