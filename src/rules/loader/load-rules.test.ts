import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { formatDiagnostic } from './load-diagnostic.js';
import { loadRules } from './load-rules.js';

describeWithTestdata('official Falco rules files', (root) => {
  const dir = path.join(root, 'falco', 'rules');
  const names = ['falco_rules.yaml', 'falco-incubating_rules.yaml', 'falco-sandbox_rules.yaml'];
  it('load without errors and compile all 93 rules', () => {
    const loaded = loadRules(names.map((n) => ({ name: n, content: readFileSync(path.join(dir, n), 'utf8') })));
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
    console.log(`official rules: ${loaded.rules.length} rules compiled, ${errors.length} errors, ${warnings.length} warnings (${loaded.files.filter((f) => f.ok).length}/${names.length} files ok)`);
    expect(errors).toEqual([]);
    expect(loaded.rules.length).toBe(93);
  });
});

it('keeps loading other files when one is bad', () => {
  const good = { name: 'good.yaml', content: '- rule: r1\n  desc: d\n  condition: evt.type=open\n  output: o %proc.name\n  priority: INFO\n' };
  const bad = { name: 'bad.yaml', content: '- rule: r2\n  desc: d\n  condition: evt.type=open and (\n  output: o\n  priority: INFO\n' };
  const loaded = loadRules([good, bad]);
  expect(loaded.rules.map((r) => r.name)).toEqual(['r1']);
  const err = loaded.diagnostics.find((d) => d.severity === 'error');
  expect(err?.code).toBe('LOAD_ERR_COMPILE_CONDITION');
  expect(err?.position).toMatchObject({ file: 'bad.yaml', line: 3 });
});

it.each([
  ['proc.name = <NA>', 'LOAD_UNSAFE_NA_CHECK'],
  ['proc.name = bash', 'LOAD_NO_EVTTYPE'],
])('warns for %s with %s', (condition, code) => {
  const loaded = loadRules([{ name: 'w.yaml', content: `- rule: r\n  desc: d\n  condition: ${condition}\n  output: o\n  priority: INFO\n` }]);
  expect(loaded.diagnostics.map((d) => d.code)).toContain(code);
  expect(loaded.diagnostics.find((d) => d.code === code)?.position).toMatchObject({ file: 'w.yaml', line: 3, column: 14 });
});
