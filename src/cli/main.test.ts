import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, RampartError } from '../core/index.js';
import type { CliCommand } from './cli-command.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

function captureIo(cwd = process.cwd()): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  };
}

const demo: CliCommand = {
  name: 'demo',
  register(program, wrap) {
    program
      .command('demo')
      .description('a command for tests')
      .argument('<what>')
      .action(
        wrap(async (context, command) => {
          const [what] = command.processedArgs as [string];
          if (what === 'bad') throw new RampartError('BAD_INPUT', 'bad thing', { location: { file: 'x.yaml', line: 2 } });
          if (what === 'bug') throw new TypeError('boom');
          if (what === 'incomplete') return ExitCode.incomplete;
          await context.emit(`format=${context.globals.format ?? '-'} what=${what}\n`);
          return ExitCode.ok;
        }),
      );
  },
};

describe('main', () => {
  it('prints help listing the registered commands', async () => {
    const io = captureIo();
    expect(await main(['--help'], { io, commands: [demo] })).toBe(0);
    expect(io.out()).toContain('demo');
    expect(io.out()).toContain('--format');
  });
  it('prints the version', async () => {
    const io = captureIo();
    expect(await main(['--version'], { io })).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('exits 2 with a one-line reason and a hint on an unknown command', async () => {
    const io = captureIo();
    expect(await main(['nonsense'], { io, commands: [demo] })).toBe(2);
    expect(io.err()).toContain("unknown command 'nonsense'");
    expect(io.err()).toContain("rampart --help");
  });
  it('exits 2 on an unknown flag', async () => {
    const io = captureIo();
    expect(await main(['demo', 'x', '--bogus'], { io, commands: [demo] })).toBe(2);
    expect(io.err()).toContain("unknown option '--bogus'");
  });
  it('passes global options to the command and returns its exit code', async () => {
    const io = captureIo();
    expect(await main(['--format', 'json', 'demo', 'x'], { io, commands: [demo] })).toBe(0);
    expect(io.out()).toBe('format=json what=x\n');
    expect(await main(['demo', 'incomplete'], { io, commands: [demo] })).toBe(3);
  });
  it('maps a RampartError to its exit code with its location', async () => {
    const io = captureIo();
    expect(await main(['demo', 'bad'], { io, commands: [demo] })).toBe(2);
    expect(io.err()).toBe('rampart: bad thing (x.yaml:2)\n');
  });
  it('exits 70 on an internal error, with the stack only under --debug', async () => {
    const quiet = captureIo();
    expect(await main(['demo', 'bug'], { io: quiet, commands: [demo] })).toBe(70);
    expect(quiet.err()).toContain('internal error: boom');
    expect(quiet.err()).not.toContain('at ');
    const loud = captureIo();
    expect(await main(['--debug', 'demo', 'bug'], { io: loud, commands: [demo] })).toBe(70);
    expect(loud.err()).toMatch(/TypeError: boom\n\s+at /);
  });
  it('writes --output atomically and leaves no temp files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rampart-cli-'));
    const io = captureIo(dir);
    expect(await main(['-o', 'out/result.txt', 'demo', 'y'], { io, commands: [demo] })).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'result.txt'), 'utf8')).toBe('format=- what=y\n');
    expect(await readdir(path.join(dir, 'out'))).toEqual(['result.txt']);
    expect(io.out()).toBe('');
  });
});
