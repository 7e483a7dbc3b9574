import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function captureIo(cwd: string, env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env, cwd, out: () => out, err: () => err };
}

describe('rampart db', () => {
  it('builds, reports status, exports and imports through the CLI', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rampart-dbcli-'));
    const env = { RAMPART_HOME: path.join(dir, 'home') };
    await writeFile(
      path.join(dir, 'r.json'),
      JSON.stringify({ id: 'GHSA-xxxx-yyyy-zzzz', modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }] }),
    );
    let io = captureIo(dir, env);
    expect(await main(['db', 'status'], { io })).toBe(2);
    expect(io.err()).toContain('no vulnerability database');

    io = captureIo(dir, env);
    expect(await main(['db', 'build', '--from', 'r.json'], { io })).toBe(0);
    expect(io.err()).toContain('1 records');

    io = captureIo(dir, env);
    expect(await main(['--format', 'json', 'db', 'status'], { io })).toBe(0);
    const status = JSON.parse(io.out()) as { records: number; ecosystems: { ecosystem: string; records: number }[]; sources: { location: string }[] };
    expect(status.records).toBe(1);
    expect(status.ecosystems).toEqual([{ ecosystem: 'npm', records: 1 }]);
    expect(status.sources[0]!.location).toBe(path.join(dir, 'r.json'));

    io = captureIo(dir, env);
    expect(await main(['db', 'status'], { io })).toBe(0);
    expect(io.out()).toMatch(/npm\s+1/);

    const pair = generateKeyPairSync('ed25519');
    await writeFile(path.join(dir, 'k.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await writeFile(path.join(dir, 'k.pub'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    io = captureIo(dir, env);
    expect(await main(['db', 'export', '-o', 'db.bundle', '--sign', 'k.pem'], { io })).toBe(0);
    io = captureIo(dir, env);
    expect(await main(['db', 'import', 'db.bundle', '--verify', 'k.pub', '--db', 'copy.sqlite'], { io })).toBe(0);
    io = captureIo(dir, env);
    expect(await main(['db', 'import', 'db.bundle', '--verify', 'k.pem.missing', '--db', 'copy.sqlite'], { io })).toBe(2);
    io = captureIo(dir, env);
    expect(await main(['db', 'build', '--from', 'nothing-here'], { io })).toBe(2);
    expect(io.err()).toContain('nothing-here');
  });
});
