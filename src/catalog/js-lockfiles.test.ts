import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { parseBunLockfile } from './bun-lockfile.js';
import type { LockResult } from './npm-lockfile.js';
import { parseNpmLockfile } from './npm-lockfile.js';
import { parsePnpmLockfile } from './pnpm-lockfile.js';
import { parseYarnLockfile } from './yarn-lockfile.js';

interface Case {
  name: string;
  file: string;
  want_packages: { Name: string; Version?: string; Dev?: boolean }[] | null;
  want_err: string | null;
}

const parsers: Readonly<Record<string, (text: string) => LockResult>> = {
  npm: parseNpmLockfile,
  yarn: parseYarnLockfile,
  pnpm: parsePnpmLockfile,
  bun: parseBunLockfile,
};

// Cases whose expectation we do not share, with the reason.
const exclusions: Readonly<Record<string, string>> = {};

describeWithTestdata('JavaScript lockfiles (trivy parser expectations)', (root) => {
  const base = path.join(root, 'lang/trivy/nodejs-lockfiles');
  const expected = JSON.parse(readFileSync(path.join(base, 'EXPECTED.nodejs-parsers.json'), 'utf8')) as { cases: Record<string, Case[]> };
  const cases = Object.entries(expected.cases)
    .filter(([eco]) => eco in parsers)
    .flatMap(([eco, list]) => list.map((c) => [`${eco}: ${c.name}`, eco, c] as const));
  let passed = 0;

  it.each(cases)('%s', (label, eco, c) => {
    if (exclusions[label] !== undefined) return;
    const file = path.join(base, eco, 'testdata', path.basename(c.file));
    const parse = parsers[eco];
    if (parse === undefined) throw new Error(eco);
    const result = parse(readFileSync(file, 'utf8'));
    if (c.want_err !== null) {
      expect(result.ok).toBe(false);
    } else {
      if (!result.ok) throw new Error(result.reason);
      const got = result.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''}`).sort();
      const want = [...new Set((c.want_packages ?? []).map((p) => `${p.Name}@${p.Version ?? ''}${p.Dev === true ? ' (dev)' : ''}`))].sort();
      expect(got).toEqual(want);
    }
    passed++;
  });

  it('prints the count', () => {
    // Not run: packagejson (13 cases whose expectations stayed inline Go structs, not converted into the JSON).
    const bun = cases.filter(([, eco]) => eco === 'bun').length;
    console.log(`JS lockfile fixtures (npm v1-v3, yarn v1/berry, pnpm v5/v6/v9, bun.lock ${bun} cases): ${passed}/${cases.length} pass (name, version, dev); packagejson (13, no converted expectation) not run`);
    expect(passed).toBe(cases.length - Object.keys(exclusions).length);
  });
});
