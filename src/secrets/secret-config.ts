import { RE2JS } from 're2js';
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Severity } from '../core/index.js';
import { isSeverity, RampartError } from '../core/index.js';
import type { RuleAllow, SecretMatcher, SecretRule } from './secret-rule.js';
import { secretRules } from './secret-rules.js';

/** A global or per-rule allow rule as written in the file: a `RuleAllow` with its description. */
export interface SecretAllowRule extends RuleAllow {
  readonly description?: string;
}

/** What a Trivy-style secret configuration file (`trivy-secret.yaml`) turns into. */
export interface SecretConfig {
  /** Built-in rules kept (`enable-builtin-rules`, minus `disable-rules`) plus the file's own rules. */
  readonly rules: readonly SecretRule[];
  readonly allowRules: readonly SecretAllowRule[];
  /** Secrets inside a block one of these matches are not reported (`exclude-block`). */
  readonly excludeBlocks: readonly SecretMatcher[];
  /** Ids of built-in allow paths to turn off (`disable-allow-rules`). */
  readonly disableAllowPaths: readonly string[];
  /** The file it was read from (a scan does not search it for secrets). */
  readonly file?: string;
}

const TOP_KEYS = new Set(['rules', 'enable-builtin-rules', 'disable-rules', 'allow-rules', 'disable-allow-rules', 'exclude-block']);
const RULE_KEYS = new Set(['id', 'category', 'title', 'severity', 'regex', 'keywords', 'path', 'secret-group-name', 'allow-rules', 'exclude-block']);
const ALLOW_KEYS = new Set(['id', 'description', 'regex', 'path']);
const MAX_PATTERN = 4096;

/**
 * Compiles a pattern from a configuration file with RE2 (linear-time matching, no backtracking):
 * Go/RE2 syntax as Trivy uses it (`(?i)`, `(?P<secret>…)`).
 */
export function compileSecretPattern(source: string, groupName = 'secret'): SecretMatcher {
  if (source.length > MAX_PATTERN) throw new Error(`pattern longer than ${MAX_PATTERN} characters`);
  // Go's regexp (Trivy) accepts a group name used twice (`user` and `password` both `secret`), RE2JS
  // does not: later uses are renamed, and each participating one is a secret of its own.
  let uses = 0;
  const escaped = groupName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const renamed = source.replace(new RegExp(`\\(\\?P?<${escaped}>`, 'g'), (m) => (++uses === 1 ? m : `(?P<${groupName}__${uses}>`));
  const re = RE2JS.compile(renamed);
  const groups = [groupName, ...Array.from({ length: Math.max(0, uses - 1) }, (_, i) => `${groupName}__${i + 2}`)].filter((g) => g in re.namedGroups());
  return {
    source,
    *matches(text: string) {
      const m = re.matcher(text);
      while (m.find()) {
        const index = m.start();
        const whole = m.group() ?? '';
        let yielded = false;
        for (const g of groups) {
          const secret = m.group(g);
          if (secret === null || secret === undefined) continue;
          yielded = true;
          yield { index, match: whole, secret, secretIndex: m.start(g) };
        }
        if (!yielded) yield { index, match: whole, secret: whole, secretIndex: index };
        if (whole === '') break;
      }
    },
  };
}

/** Reads a Trivy-compatible secret configuration; a bad file is `BAD_CONFIG` naming file, line and column. */
export function readSecretConfig(text: string, file: string): SecretConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const fail = (node: Node | null | undefined, message: string): RampartError => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return new RampartError('BAD_CONFIG', `${file}:${pos.line}:${pos.col}: ${message}`, { location: { file, line: pos.line } });
  };
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const pos = yamlError.linePos?.[0] ?? { line: 1, col: 1 };
    throw new RampartError('BAD_CONFIG', `${file}:${pos.line}:${pos.col}: ${yamlError.message.split('\n')[0]}`, { location: { file, line: pos.line } });
  }
  const root = doc.contents;
  if (root === null) return { rules: secretRules.units, allowRules: [], excludeBlocks: [], disableAllowPaths: [], file };
  if (!isMap(root)) throw fail(root, 'the secret configuration must be a mapping');

  const str = (node: unknown, what: string): string => {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    throw fail(node as Node, `${what} must be a string`);
  };
  const strings = (node: unknown, what: string): string[] => {
    if (!isSeq(node)) throw fail(node as Node, `${what} must be a list`);
    return node.items.map((i) => str(i, `each entry of ${what}`));
  };
  const pattern = (node: unknown, what: string, group?: string): SecretMatcher => {
    const source = str(node, what);
    try {
      return compileSecretPattern(source, group);
    } catch (error) {
      throw fail(node as Node, `${what}: invalid RE2 pattern: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const fields = (node: unknown, allowed: Set<string>, what: string): Map<string, unknown> => {
    if (!isMap(node)) throw fail(node as Node, `${what} must be a mapping`);
    const out = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = str(pair.key, 'a key');
      if (!allowed.has(key)) throw fail(pair.key as Node, `unknown key ${JSON.stringify(key)} in ${what} (known: ${[...allowed].join(', ')})`);
      out.set(key, pair.value);
    }
    return out;
  };
  const allowRules = (node: unknown): SecretAllowRule[] => {
    if (!isSeq(node)) throw fail(node as Node, 'allow-rules must be a list');
    return node.items.map((item) => {
      const f = fields(item, ALLOW_KEYS, 'an allow rule');
      if (!f.has('regex') && !f.has('path')) throw fail(item as Node, 'an allow rule needs a regex or a path');
      return {
        id: f.has('id') ? str(f.get('id'), 'id') : f.has('description') ? str(f.get('description'), 'description') : 'allow-rule',
        ...(f.has('description') ? { description: str(f.get('description'), 'description') } : {}),
        ...(f.has('regex') ? { regex: pattern(f.get('regex'), 'regex') } : {}),
        ...(f.has('path') ? { path: pattern(f.get('path'), 'path') } : {}),
      };
    });
  };
  const excludeBlock = (node: unknown): SecretMatcher[] => {
    const f = fields(node, new Set(['description', 'regexes']), 'exclude-block');
    return f.has('regexes') ? strings(f.get('regexes'), 'regexes').map((_, i) => pattern((f.get('regexes') as { items: unknown[] }).items[i], 'regexes')) : [];
  };

  const top = fields(root, TOP_KEYS, 'the secret configuration');
  const custom: SecretRule[] = [];
  if (top.has('rules')) {
    const list = top.get('rules');
    if (!isSeq(list)) throw fail(list as Node, 'rules must be a list');
    for (const item of list.items) {
      const f = fields(item, RULE_KEYS, 'a rule');
      for (const required of ['id', 'regex']) if (!f.has(required)) throw fail(item as Node, `a rule needs ${required === 'id' ? 'an id' : 'a regex'}`);
      const id = str(f.get('id'), 'id');
      // As Trivy: a missing or unrecognised severity is UNKNOWN (case is ignored).
      const written = f.has('severity') ? str(f.get('severity'), 'severity').toLowerCase() : 'unknown';
      const severityText = isSeverity(written) ? written : 'unknown';
      const group = f.has('secret-group-name') ? str(f.get('secret-group-name'), 'secret-group-name') : 'secret';
      const ruleAllow = f.has('allow-rules') ? allowRules(f.get('allow-rules')) : [];
      const rulePath = f.has('path') ? pattern(f.get('path'), 'path') : undefined;
      custom.push({
        id,
        version: 1,
        description: f.has('title') ? str(f.get('title'), 'title') : id,
        title: f.has('title') ? str(f.get('title'), 'title') : id,
        category: f.has('category') ? str(f.get('category'), 'category') : 'Custom',
        severity: severityText as Severity,
        keywords: f.has('keywords') ? strings(f.get('keywords'), 'keywords').map((k) => k.toLowerCase()) : [],
        pattern: pattern(f.get('regex'), 'regex', group),
        ...(ruleAllow.length > 0 ? { allowRules: ruleAllow } : {}),
        ...(rulePath === undefined ? {} : { pathMatcher: rulePath }),
        ...(f.has('exclude-block') ? { excludeBlocks: excludeBlock(f.get('exclude-block')) } : {}),
      });
    }
  }
  const enabled = top.has('enable-builtin-rules') ? new Set(strings(top.get('enable-builtin-rules'), 'enable-builtin-rules')) : undefined;
  const disabled = new Set(top.has('disable-rules') ? strings(top.get('disable-rules'), 'disable-rules') : []);
  const builtins = secretRules.units.filter((r) => enabled === undefined || enabled.has(r.id));
  const ids = new Set<string>();
  for (const rule of custom) {
    if (ids.has(rule.id) || secretRules.units.some((r) => r.id === rule.id)) throw fail(top.get('rules') as Node, `rule id ${rule.id} is used twice`);
    ids.add(rule.id);
  }
  return {
    rules: [...builtins, ...custom].filter((r) => !disabled.has(r.id)),
    allowRules: top.has('allow-rules') ? allowRules(top.get('allow-rules')) : [],
    excludeBlocks: top.has('exclude-block') ? excludeBlock(top.get('exclude-block')) : [],
    disableAllowPaths: top.has('disable-allow-rules') ? strings(top.get('disable-allow-rules'), 'disable-allow-rules') : [],
    file,
  };
}
