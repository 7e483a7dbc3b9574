import * as z from 'zod/mini';
import { checkSchema } from '../../core/index.js';
import type { RuleEngine } from '../rule-engine.js';

/** One case of a rule test fixture (JSON lines, docs/event-format.md). */
export const ruleTestCaseSchema = z.object({
  name: z.optional(z.string()),
  event: z.record(z.string(), z.unknown()),
  expect: z.array(z.string()),
});
export type RuleTestCase = z.infer<typeof ruleTestCaseSchema>;

export interface RuleTestResult {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly passed: boolean;
  readonly expected: readonly string[];
  readonly actual: readonly string[];
}

export type ParsedFixture =
  | { readonly ok: true; readonly line: number; readonly testCase: RuleTestCase }
  | { readonly ok: false; readonly line: number; readonly reason: string };

/** Parses a fixture file's lines; blank lines and `#` comments are skipped; bad lines are reported. */
export function parseRuleTestFixture(content: string): ParsedFixture[] {
  const out: ParsedFixture[] = [];
  content.split('\n').forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      out.push({ ok: false, line: i + 1, reason: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const parsed = checkSchema(ruleTestCaseSchema, json);
    if (parsed.success) out.push({ ok: true, line: i + 1, testCase: parsed.data });
    else out.push({ ok: false, line: i + 1, reason: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
  });
  return out;
}

/** Runs cases against an engine (all-match mode): the set of fired rules must equal `expect`. */
export function runRuleTests(file: string, cases: readonly { line: number; testCase: RuleTestCase }[], engine: RuleEngine): RuleTestResult[] {
  return cases.map(({ line, testCase }) => {
    const actual = [...new Set(engine.match(testCase.event).map((r) => r.name))].sort();
    const expected = [...new Set(testCase.expect)].sort();
    const passed = actual.length === expected.length && actual.every((x, i) => x === expected[i]);
    return { file, line, name: testCase.name ?? `line ${line}`, passed, expected, actual };
  });
}
