import type { ConditionPos } from './ast.js';

/** A condition the libsinsp grammar rejects; `pos` is where the parser stopped. */
export class ConditionSyntaxError extends Error {
  readonly pos: ConditionPos;
  constructor(message: string, pos: ConditionPos) {
    super(message);
    this.name = 'ConditionSyntaxError';
    this.pos = pos;
  }
}
