import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { createRuleEngine } from '../rule-engine.js';
import { NO_EVTTYPE_WARNING } from './compile-ruleset.js';
import type { LoadedRules } from './load-rules.js';
import { loadRules } from './load-rules.js';

interface Step {
  op: string; file?: string; content?: string; expect_success?: boolean; rule?: string; value?: unknown;
  message?: string | { symbol: string }; present?: boolean; ruleset?: string;
}
interface LoaderTest { name: string; line: number; steps: Step[] }

/**
 * Falco's own rule-loader unit tests (falco-engine-vectors/test_rule_loader.json). Every step is checked;
 * the steps below differ from Falco for the reasons given (key: `<test>#<step index>`).
 */
const knownDifferences: Readonly<Record<string, string>> = {};

function check(step: Step, loaded: LoadedRules): boolean {
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning' && d.code !== 'LOAD_UNUSED_MACRO' && d.code !== 'LOAD_UNUSED_LIST');
  switch (step.op) {
    case 'load_rules':
      return (errors.length === 0) === step.expect_success;
    case 'expect_compiled_condition':
      return loaded.rules.find((r) => r.name === step.rule)?.compiledCondition === step.value;
    case 'expect_error_contains':
      return errors.some((d) => d.message.includes(String(step.message))) === (step.present ?? true);
    case 'expect_warning_contains': {
      const text = typeof step.message === 'object' ? NO_EVTTYPE_WARNING : String(step.message);
      return warnings.some((d) => d.message.includes(text)) === (step.present ?? true);
    }
    case 'expect_has_warnings':
      return (warnings.length > 0) === step.value;
    case 'expect_num_enabled_rules':
      return createRuleEngine(loaded.rules, loaded.registry).rules.length === step.value;
  }
  return false;
}

describeWithTestdata("Falco's rule-loader tests (test_rule_loader.json)", (root) => {
  const data = JSON.parse(readFileSync(path.join(root, 'falco', 'falco-engine-vectors', 'test_rule_loader.json'), 'utf8')) as { tests: LoaderTest[] };
  it('passes every step or documents the difference', () => {
    let pass = 0;
    let total = 0;
    let explained = 0;
    const failures: string[] = [];
    for (const t of data.tests) {
      let loaded: LoadedRules | undefined;
      t.steps.forEach((step, i) => {
        if (step.op === 'load_rules') loaded = loadRules([{ name: step.file ?? 'rules.yaml', content: step.content ?? '' }]);
        if (loaded === undefined) return;
        total++;
        const key = `${t.name}#${i}`;
        if (check(step, loaded)) pass++;
        else if (knownDifferences[key] !== undefined) explained++;
        else failures.push(`${key} ${JSON.stringify({ ...step, content: undefined })} got ${JSON.stringify(loaded.diagnostics.map((d) => `${d.code}: ${d.message}`))} ${JSON.stringify(loaded.rules.map((r) => r.compiledCondition))}`);
      });
    }
    console.log(`falco rule-loader vectors: ${pass}/${total} steps pass, ${explained} differ with a documented reason`);
    expect(failures).toEqual([]);
  });
});
