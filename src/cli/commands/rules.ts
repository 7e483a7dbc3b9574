import type { CliCommand } from '../cli-command.js';
import { registerRulesBench } from './rules-bench.js';
import { registerRulesCheck } from './rules-check.js';
import { registerRulesExplain } from './rules-explain.js';
import { registerRulesLint } from './rules-lint.js';
import { registerRulesTest } from './rules-test.js';

/** `rampart rules ...`: Falco-compatible rules: check, explain, test, bench, lint. */
export const rulesCommand: CliCommand = {
  name: 'rules',
  register(program, wrap) {
    const rules = program.command('rules').description('Falco-compatible runtime rules: check, explain, test, bench and lint rule files');
    registerRulesCheck(rules, wrap);
    registerRulesExplain(rules, wrap);
    registerRulesTest(rules, wrap);
    registerRulesBench(rules, wrap);
    registerRulesLint(rules, wrap);
  },
};
