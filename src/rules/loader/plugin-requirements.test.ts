import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { loadRules } from './load-rules.js';

interface Case { test: string; rules_yaml: string[]; assertions: string[] }

describeWithTestdata("Falco's plugin requirement tests (test_plugin_requirements.cases.json)", (root) => {
  const data = JSON.parse(readFileSync(path.join(root, 'falco', 'falco-unit-tests', 'test_plugin_requirements.cases.json'), 'utf8')) as { tests: Case[] };
  it('agrees on every assertion', () => {
    let pass = 0;
    let total = 0;
    const failures: string[] = [];
    for (const t of data.tests) {
      let next = 0;
      for (const a of t.assertions) {
        // ASSERT_TRUE(check_requirements(error, {{"k8saudit", "0.1.0"}, ...}, <RAW_STRING> | ""))
        const m = /^ASSERT_(TRUE|FALSE)\(check_requirements\(error, \{(.*)\}, (<RAW_STRING>|"")\)\)$/.exec(a);
        if (m === null) continue;
        const plugins = Object.fromEntries([...(m[2] ?? '').matchAll(/\{"([^"]+)", "([^"]+)"\}/g)].map((x) => [x[1], x[2]]));
        const yaml = m[3] === '""' ? '' : (t.rules_yaml[next++] ?? '');
        const ok = loadRules([{ name: 'rules.yaml', content: yaml }], { providedPlugins: plugins }).diagnostics.every((d) => d.severity !== 'error');
        total++;
        if (ok === (m[1] === 'TRUE')) pass++;
        else failures.push(`${t.test}: ${a} ${JSON.stringify(yaml)}`);
      }
    }
    console.log(`plugin requirement assertions: ${pass}/${total} pass`);
    expect(total).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
