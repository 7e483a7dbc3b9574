import type { Location, Severity } from '../core/index.js';
import type { RuleAllow, SecretMatcher, SecretRule } from './secret-rule.js';
import { matchesSome, patternMatches } from './secret-rule.js';
import { secretRules } from './secret-rules.js';

/** A secret found in some content: where, which rule, and the line with the secret masked. */
export interface SecretFinding {
  readonly ruleId: string;
  readonly title: string;
  readonly category: string;
  readonly severity: Severity;
  readonly startLine: number;
  readonly endLine: number;
  /** The first line of the match with the secret replaced by `*` (at most 200 characters). */
  readonly match: string;
  readonly location: Location;
}

/** Paths whose content is not scanned by default (documentation, examples, tests, vendored code). */
export const defaultAllowPaths: readonly { readonly id: string; readonly pattern: RegExp }[] = [
  { id: 'markdown', pattern: /\.md$/i },
  { id: 'examples', pattern: /(?:^|[/._-])examples?(?:[/._-]|$)/i },
  { id: 'tests', pattern: /(?:^|\/)(?:tests?|testdata|__tests__|spec)\//i },
  { id: 'vendor', pattern: /(?:^|\/)(?:vendor|node_modules)\//i },
];

export interface ScanSecretsOptions {
  /** The file's path (inside an image or on disk), used for allow-paths and path-bound rules. */
  readonly path?: string;
  readonly layer?: string;
  readonly rules?: readonly SecretRule[];
  /** Ids of `defaultAllowPaths` entries to turn off (e.g. `tests` to scan test fixtures). */
  readonly disableAllowPaths?: readonly string[];
  /** Content larger than this is not scanned (bytes). */
  readonly maxBytes?: number;
  /** Global allow rules (from a secret configuration): a matching path or secret is not reported. */
  readonly allowRules?: readonly RuleAllow[];
  /** Secrets inside a block one of these matches are not reported. */
  readonly excludeBlocks?: readonly SecretMatcher[];
}

function blockRanges(blocks: readonly SecretMatcher[], text: string): [number, number][] {
  return blocks.flatMap((b) => [...b.matches(text)].map((m): [number, number] => [m.index, m.index + m.match.length]));
}

const MAX_MATCHES_PER_RULE = 1000;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Scans one file's content for secrets with the built-in (or given) rules. Binary content is skipped. */
export function scanSecrets(content: string | Uint8Array, options: ScanSecretsOptions = {}): SecretFinding[] {
  const path = options.path ?? '';
  const disabled = new Set(options.disableAllowPaths ?? []);
  if (path !== '' && defaultAllowPaths.some((a) => !disabled.has(a.id) && a.pattern.test(path))) return [];
  const allowRules = options.allowRules ?? [];
  if (path !== '' && allowRules.some((a) => a.path !== undefined && matchesSome(a.path, path))) return [];
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content.length > (options.maxBytes ?? 10 * 1024 * 1024)) return [];
    if (content.subarray(0, 8000).includes(0)) return [];
    text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  }
  const lower = text.toLowerCase();
  const starts = lineStarts(text);
  const findings: SecretFinding[] = [];
  const globalBlocks = options.excludeBlocks === undefined ? [] : blockRanges(options.excludeBlocks, text);
  for (const rule of options.rules ?? secretRules.units) {
    if (rule.path !== undefined && !rule.path.test(path)) continue;
    if (rule.pathMatcher !== undefined && !matchesSome(rule.pathMatcher, path)) continue;
    if (path !== '' && rule.allowRules?.some((a) => a.path !== undefined && matchesSome(a.path, path)) === true) continue;
    if (rule.keywords.length > 0 && !rule.keywords.some((k) => lower.includes(k))) continue;
    const blocks = rule.excludeBlocks === undefined ? globalBlocks : [...globalBlocks, ...blockRanges(rule.excludeBlocks, text)];
    const allows = [...allowRules, ...(rule.allowRules ?? [])].flatMap((a) => (a.regex === undefined ? [] : [a.regex]));
    let count = 0;
    for (const m of patternMatches(rule.pattern, text)) {
      if (++count > MAX_MATCHES_PER_RULE) break;
      const secret = m.secret;
      const offset = m.secretIndex;
      if (secret.trim() === '' || rule.allow?.some((a) => a.test(secret))) continue;
      // As Trivy: configuration allow regexes are tested against the whole match, not only the secret group.
      if (allows.some((a) => matchesSome(a, m.match))) continue;
      if (blocks.some(([from, to]) => offset >= from && offset < to)) continue;
      const startLine = lineOf(starts, offset);
      const endLine = lineOf(starts, offset + Math.max(0, secret.trimEnd().length - 1));
      const lineStart = starts[startLine - 1]!;
      const lineEnd = text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
      const from = offset - lineStart;
      const masked = `${line.slice(0, from)}${'*'.repeat(Math.min(secret.length, line.length - from))}${line.slice(from + secret.length)}`;
      findings.push({
        ruleId: rule.id,
        title: rule.title,
        category: rule.category,
        severity: rule.severity,
        startLine,
        endLine,
        match: masked.length > 200 ? `${masked.slice(Math.max(0, from - 50), Math.max(0, from - 50) + 200)}` : masked,
        location: { ...(path === '' ? {} : { path }), ...(options.layer === undefined ? {} : { layer: options.layer }), line: startLine },
      });
    }
  }
  return findings.sort((a, b) => a.startLine - b.startLine || (a.ruleId < b.ruleId ? -1 : 1));
}
