import type { Severity, Unit } from '../core/index.js';

/** One match of a secret pattern: where it starts, the whole match, and the secret inside it. */
export interface SecretMatch {
  readonly index: number;
  readonly match: string;
  readonly secret: string;
  readonly secretIndex: number;
}

/** A pattern that is not a JavaScript RegExp: those from configuration files run on RE2 (linear time). */
export interface SecretMatcher {
  readonly source: string;
  matches(text: string): Iterable<SecretMatch>;
}

/** A rule-level allow rule from a configuration file: a path or a secret matching it is not reported. */
export interface RuleAllow {
  readonly id: string;
  readonly regex?: SecretMatcher;
  readonly path?: SecretMatcher;
}

/**
 * A secret rule: cheap lower-case keywords gate a regular expression whose `secret` named group (or
 * whole match) is the secret. Built-in patterns are fixed in the source and bounded by explicit
 * quantifiers; patterns read from a configuration file are `SecretMatcher`s running on RE2.
 */
export interface SecretRule extends Unit {
  readonly title: string;
  readonly category: string;
  readonly severity: Severity;
  /** At least one must occur (case-insensitively) in the content before the pattern runs (none: always runs). */
  readonly keywords: readonly string[];
  /** A RegExp must have the `g` flag; the `secret` group marks the secret, else the whole match. */
  readonly pattern: RegExp | SecretMatcher;
  /** Matches whose secret matches one of these are placeholders (EXAMPLE keys, `${VAR}`). */
  readonly allow?: readonly RegExp[];
  /** Only files whose path matches (e.g. Maven `settings.xml`). */
  readonly path?: RegExp;
  /** Configuration-file rules: only files whose path matches. */
  readonly pathMatcher?: SecretMatcher;
  /** Configuration-file rules: their own allow rules. */
  readonly allowRules?: readonly RuleAllow[];
  /** Configuration-file rules: secrets inside a block one of these matches are not reported. */
  readonly excludeBlocks?: readonly SecretMatcher[];
}

/** The matches of a rule's pattern in a text. */
export function* patternMatches(pattern: RegExp | SecretMatcher, text: string): Generator<SecretMatch> {
  if (!(pattern instanceof RegExp)) {
    yield* pattern.matches(text);
    return;
  }
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const secret = m.groups?.['secret'] ?? m[0];
    yield { index: m.index, match: m[0], secret, secretIndex: m.index + (m.groups?.['secret'] === undefined ? 0 : m[0].indexOf(secret)) };
  }
}

export function matchesSome(pattern: SecretMatcher, text: string): boolean {
  for (const m of pattern.matches(text)) if (m !== undefined) return true;
  return false;
}

export function defineSecretRule(rule: SecretRule): SecretRule {
  if (rule.pattern instanceof RegExp && !rule.pattern.flags.includes('g')) throw new Error(`secret rule ${rule.id}: pattern needs the g flag`);
  return rule;
}
