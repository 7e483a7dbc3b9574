import type { Severity, Unit } from '../core/index.js';

/**
 * A secret rule: cheap lower-case keywords gate a regular expression whose `secret` named group (or
 * whole match) is the secret. Patterns are fixed in the source (never taken from input) and bounded
 * by explicit quantifiers.
 */
export interface SecretRule extends Unit {
  readonly title: string;
  readonly category: string;
  readonly severity: Severity;
  /** At least one must occur (case-insensitively) in the content before the pattern runs. */
  readonly keywords: readonly string[];
  /** Must have the `g` flag; the `secret` group marks the secret, else the whole match. */
  readonly pattern: RegExp;
  /** Matches whose secret matches one of these are placeholders (EXAMPLE keys, `${VAR}`). */
  readonly allow?: readonly RegExp[];
  /** Only files whose path matches (e.g. Maven `settings.xml`). */
  readonly path?: RegExp;
}

export function defineSecretRule(rule: SecretRule): SecretRule {
  if (!rule.pattern.flags.includes('g')) throw new Error(`secret rule ${rule.id}: pattern needs the g flag`);
  return rule;
}
