import type { Location } from './location.js';
import type { Severity } from './severity.js';

/** A suggested change that resolves a finding. */
export interface Fix {
  readonly description: string;
  /** Machine-applicable edits, where the producing engine can express them. */
  readonly edits?: readonly { readonly location: Location; readonly replacement: string }[];
}

/**
 * A finding is plain data. Text is rendered by reporters; engines put what they know into
 * `evidence` (advisory ranges, matched fields, offending values).
 */
export interface Finding {
  /** The unit that produced it (check id, advisory id, rule name). */
  readonly id: string;
  readonly severity: Severity;
  /** One sentence, already specific to this occurrence. */
  readonly message: string;
  readonly location: Location;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly fix?: Fix;
}

/** Something that could not be decided: never silently dropped, never reported as clean. */
export interface Unknown {
  readonly reason: string;
  readonly location: Location;
}
