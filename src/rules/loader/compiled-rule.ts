import type { Expr } from '../condition/ast.js';
import type { Predicate } from '../compile/event-record.js';
import type { ItemPosition } from './load-diagnostic.js';
import type { Priority } from './ruleset-model.js';

/** A rule ready to evaluate. */
export interface CompiledRule {
  readonly name: string;
  readonly desc: string;
  readonly priority: Priority;
  readonly tags: readonly string[];
  readonly source: string;
  readonly output: string;
  readonly enabled: boolean;
  /** The condition after list/macro/exception expansion, as libsinsp prints it. */
  readonly compiledCondition: string;
  readonly ast: Expr;
  readonly predicate: Predicate;
  /** Event types the rule can match; `all` when it has no evt.type restriction. */
  readonly eventTypes: ReadonlySet<string>;
  readonly matchesAllTypes: boolean;
  /** Macros and lists the condition uses, as `macro:name` / `list:name`. */
  readonly references: readonly string[];
  readonly position: ItemPosition;
  /** Definition order (first-match order). */
  readonly index: number;
  /** Shared per-ruleset evaluation clock: bump `gen` before evaluating a new event (the engine does). */
  readonly clock: { gen: number };
}
