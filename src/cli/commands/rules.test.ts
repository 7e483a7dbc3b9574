import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

function io(cwd: string) {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd, out: () => out, err: () => err };
}

const good = `
- macro: spawned
  condition: evt.type = execve
- rule: Shell
  desc: shell
  condition: spawned and proc.name = bash
  output: shell %proc.name
  priority: WARNING
- rule: Shell again
  desc: shadowed under first-match
  condition: spawned and proc.name = bash and user.uid = 0
  output: root shell %proc.name
  priority: WARNING
`;
const bad = `
- rule: Broken
  desc: x
  condition: evt.type = execve and proc.nme = bash
  output: x
  priority: INFO
`;

describe('rampart rules', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rampart-rules-'));
    await writeFile(path.join(dir, 'good.yaml'), good);
    await writeFile(path.join(dir, 'bad.yaml'), bad);
    await writeFile(path.join(dir, 'cases.jsonl'), [
      JSON.stringify({ name: 'bash', event: { 'evt.type': 'execve', 'proc.name': 'bash', 'user.uid': 1 }, expect: ['Shell'] }),
      JSON.stringify({ name: 'root bash', event: { 'evt.type': 'execve', 'proc.name': 'bash', 'user.uid': 0 }, expect: ['Shell', 'Shell again'] }),
      JSON.stringify({ name: 'wrong expectation', event: { 'evt.type': 'execve', 'proc.name': 'sh' }, expect: ['Shell'] }),
    ].join('\n'));
    await writeFile(path.join(dir, 'events.jsonl'), `${JSON.stringify({ 'evt.type': 'execve', 'proc.name': 'bash' })}\n`);
  });

  it('check: 0 for good files, 2 with the error position for bad ones', async () => {
    const ok = io(dir);
    expect(await main(['rules', 'check', 'good.yaml'], { io: ok })).toBe(0);
    expect(ok.out()).toContain('2 rules loaded from 1/1 files: 0 errors');
    const ko = io(dir);
    expect(await main(['rules', 'check', 'good.yaml', 'bad.yaml'], { io: ko })).toBe(2);
    expect(ko.out()).toMatch(/bad\.yaml:4:\d+: error LOAD_ERR_COMPILE_CONDITION .*nonexistent field proc\.nme/);
    expect(ko.out()).toContain('2 rules loaded from 1/2 files');
  });

  it('explain shows the expanded condition and where macros come from', async () => {
    const c = io(dir);
    expect(await main(['rules', 'explain', 'Shell', '-r', 'good.yaml'], { io: c })).toBe(0);
    expect(c.out()).toContain('condition:   (evt.type = execve and proc.name = bash)');
    expect(c.out()).toMatch(/macro spawned \(.*good\.yaml:2:3\)/);
  });

  it('test reports failures with exit 1', async () => {
    const c = io(dir);
    expect(await main(['rules', 'test', 'cases.jsonl', '-r', 'good.yaml'], { io: c })).toBe(1);
    expect(c.out()).toContain('2/3 cases pass');
    expect(c.out()).toContain('FAIL wrong expectation');
  });

  it('test honours rule selection options', async () => {
    const c = io(dir);
    expect(await main(['rules', 'test', 'cases.jsonl', '-r', 'good.yaml', '--disable', 'Shell again'], { io: c })).toBe(1);
    expect(c.out()).toContain('1/3 cases pass');
  });

  it('lint finds the shadowed rule', async () => {
    const c = io(dir);
    expect(await main(['rules', 'lint', 'good.yaml'], { io: c })).toBe(1);
    expect(c.out()).toContain("shadowed: rule 'Shell again'");
  });

  it('bench reports events per second', async () => {
    const c = io(dir);
    expect(await main(['rules', 'bench', '-r', 'good.yaml', '-e', 'events.jsonl', '--seconds', '0.2', '--format', 'json'], { io: c })).toBe(0);
    expect((JSON.parse(c.out()) as { eventsPerSecond: number }).eventsPerSecond).toBeGreaterThan(0);
  });
});
