import { describe, expect, it } from 'vitest';
import { loadRules } from './loader/load-rules.js';
import { createRuleEngine, formatAlertJson, formatAlertText } from './rule-engine.js';

const yaml = `
- list: shells
  items: [bash, sh]
- macro: spawned
  condition: evt.type in (execve, execveat)
- rule: Shell spawned
  desc: a shell
  condition: spawned and proc.name in (shells)
  output: shell %proc.name (parent=%proc.pname tty=%proc.tty label=%container.label[app])
  priority: WARNING
  tags: [shell, process]
- rule: Any exec
  desc: any exec
  condition: spawned
  output: exec %proc.name
  priority: DEBUG
  tags: [process]
- rule: Disabled open
  desc: off by default
  condition: evt.type = openat and fd.name startswith /etc
  output: open %fd.name
  priority: ERROR
  enabled: false
  tags: [files]
`;
const loaded = loadRules([{ name: 'r.yaml', content: yaml }]);
const exec = { 'evt.type': 'execve', 'evt.time': '1732835000123456789', 'proc.name': 'bash', 'proc.aname': ['bash', 'sshd'], 'container.label': { app: 'web' } };
const open = { 'evt.type': 'openat', 'fd.name': '/etc/passwd' };

describe('rule engine', () => {
  it('loads without errors', () => {
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it.each([
    ['all', {}, exec, ['Shell spawned', 'Any exec']],
    ['first', { mode: 'first' as const }, exec, ['Shell spawned']],
    ['minimum priority', { minPriority: 'NOTICE' as const }, exec, ['Shell spawned']],
    ['disable by tag', { disable: { tags: ['shell'] } }, exec, ['Any exec']],
    ['disabled rule stays off', {}, open, []],
    ['enable by name', { enable: { names: ['Disabled open'] } }, open, ['Disabled open']],
    ['enable by wildcard', { enable: { names: ['Disabled *'] } }, open, ['Disabled open']],
    ['enable by tag', { enable: { tags: ['files'] } }, open, ['Disabled open']],
  ])('%s', (_name, options, event, expected) => {
    const engine = createRuleEngine(loaded.rules, loaded.registry, options);
    expect(engine.match(event).map((r) => r.name)).toEqual(expected);
  });
  it('renders Falco text and JSON alerts with <NA> for missing fields', () => {
    const engine = createRuleEngine(loaded.rules, loaded.registry, { mode: 'first' });
    const [alert] = engine.evaluate(exec);
    expect(alert?.output).toBe('shell bash (parent=sshd tty=<NA> label=web)');
    expect(formatAlertText(alert as NonNullable<typeof alert>)).toBe('23:03:20.123456789: Warning shell bash (parent=sshd tty=<NA> label=web)');
    const json = formatAlertJson(alert as NonNullable<typeof alert>, 'node1');
    expect(json).toMatchObject({ rule: 'Shell spawned', priority: 'Warning', source: 'syscall', time: '2024-11-28T23:03:20.123456789Z', hostname: 'node1',
      output_fields: { 'proc.name': 'bash', 'proc.pname': 'sshd', 'proc.tty': null, 'container.label[app]': 'web' } });
  });
  it('indexes rules by event type', () => {
    const engine = createRuleEngine(loaded.rules, loaded.registry);
    expect(engine.match({ 'evt.type': 'connect', 'proc.name': 'bash' })).toEqual([]);
  });
});
