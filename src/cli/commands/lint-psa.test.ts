import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function quietIo(): CliIo & { err: () => string } {
  let err = '';
  return { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd: process.cwd(), err: () => err };
}

interface Fixture {
  readonly level: string;
  readonly version: string;
  readonly expected: 'pass' | 'fail';
  readonly file: string;
}

function listFixtures(root: string): Fixture[] {
  const base = path.join(root, 'k8s-config', 'psa-testdata');
  const out: Fixture[] = [];
  for (const level of ['baseline', 'restricted']) {
    for (const version of readdirSync(path.join(base, level))) {
      for (const expected of ['pass', 'fail'] as const) {
        const dir = path.join(base, level, version, expected);
        if (!existsSync(dir)) continue;
        for (const name of readdirSync(dir)) if (name.endsWith('.yaml')) out.push({ level, version, expected, file: path.join(dir, name) });
      }
    }
  }
  return out;
}

describeWithTestdata('Kubernetes Pod Security admission fixtures (k8s.io/pod-security-admission testdata)', (root) => {
  const fixtures = listFixtures(root);

  it('decides every fixture as Pod Security admission does, through the CLI main()', async () => {
    const wrong: string[] = [];
    for (const f of fixtures) {
      const io = quietIo();
      const code = await main(['lint', f.file, '--profile', `pss-${f.level}`, '--pss-version', f.version, '-f', 'json'], { io });
      if (code !== (f.expected === 'pass' ? 0 : 1)) wrong.push(`${f.level}/${f.version}/${f.expected}/${path.basename(f.file)} → exit ${code} ${io.err()}`);
    }
    console.log(`psa fixtures: ${fixtures.length - wrong.length}/${fixtures.length} pass`);
    expect(wrong).toEqual([]);
    expect(fixtures.length).toBeGreaterThan(4000);
  });

  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'cli', 'bin.js');
  it.runIf(existsSync(bin)).each([
    ['restricted', 'v1.30', 'pass', 'base.yaml', 0],
    ['restricted', 'v1.30', 'fail', 'runasuser0.yaml', 1],
    ['baseline', 'v1.35', 'pass', 'procmount1.yaml', 0],
    ['baseline', 'v1.34', 'fail', 'procmount1.yaml', 1],
  ] as const)('the built binary: pss-%s %s %s/%s exits %i', (level, version, expected, name, code) => {
    const file = path.join(root, 'k8s-config', 'psa-testdata', level, version, expected, name);
    const result = spawnSync(process.execPath, [bin, 'lint', file, '--profile', `pss-${level}`, '--pss-version', version], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(code);
  });
});
