import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { apkFuzzyMatch } from './apk.js';
import { compareVersions } from './compare-versions.js';
import { versionSchemes } from './version-schemes.js';

/** Counts what every vector file yields per scheme, printed at the end for the report. */
function tally(): { pass(scheme: string): void; fail(scheme: string, what: string): void; report(): void; failures: string[] } {
  const counts = new Map<string, { pass: number; total: number }>();
  const failures: string[] = [];
  const bump = (scheme: string, ok: boolean): void => {
    const c = counts.get(scheme) ?? { pass: 0, total: 0 };
    c.total++;
    if (ok) c.pass++;
    counts.set(scheme, c);
  };
  return {
    failures,
    pass: (scheme) => bump(scheme, true),
    fail(scheme, what) {
      bump(scheme, false);
      failures.push(`${scheme}: ${what}`);
    },
    report() {
      for (const [scheme, c] of [...counts].sort()) console.log(`version vectors ${scheme}: ${c.pass}/${c.total} pass`);
    },
  };
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describeWithTestdata('version vectors (../shared/testdata/version-vectors)', (root) => {
  const dir = path.join(root, 'version-vectors');
  const t = tally();
  const check = (scheme: string, label: string, fn: () => boolean): void => {
    let ok = false;
    try {
      ok = fn();
    } catch (error) {
      t.fail(scheme, `${label} threw ${String(error)}`);
      return;
    }
    if (ok) t.pass(scheme);
    else t.fail(scheme, label);
  };
  const expectCompare = (scheme: string, a: string, b: string, expected: number): void =>
    check(scheme, `${a} vs ${b} expected ${expected}`, () => compareVersions(scheme, a, b) === expected && compareVersions(scheme, b, a) === -expected);

  it('dpkg: Dpkg_Version.t pairs', () => {
    for (const line of readFileSync(path.join(dir, 'dpkg', 'dpkg_version_compare.txt'), 'utf8').split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const [a, b, r] = line.trim().split(/\s+/) as [string, string, string];
      expectCompare('dpkg', a, b, Number(r));
    }
  });

  it('rpm: rpmvercmp.at pairs', () => {
    for (const line of readFileSync(path.join(dir, 'rpm', 'rpmvercmp.tsv'), 'utf8').split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const [a, b, r] = line.split('\t') as [string, string, string];
      // rpmvercmp works on a bare version string; compare those without epoch/release splitting.
      check('rpm', `${a} vs ${b}`, () => compareVersions('rpm', `0:${a}-0`, `0:${b}-0`) === Number(r));
    }
  });

  it('apk: apk-tools version.data (comparisons, fuzzy operators, valid and invalid versions)', () => {
    for (const raw of readFileSync(path.join(dir, 'apk', 'apk-tools.version.data'), 'utf8').split('\n')) {
      if (raw.startsWith('#') || raw.trim() === '') continue;
      const [body = '', comment = ''] = raw.split('#');
      const parts = body.trim().split(/\s+/);
      if (parts.length === 1) {
        const v = parts[0]!;
        const invalid = v.startsWith('!');
        const version = invalid ? v.slice(1) : v;
        check('apk', `validity of ${JSON.stringify(version)}`, () => versionSchemes.get('apk')!.isValid(version) === !invalid);
        continue;
      }
      const [a, op, b] = parts as [string, string, string];
      if (comment !== '' && !comment.includes('invalid')) throw new Error(`unexpected comment ${comment}`);
      if (op === '<' || op === '>' || op === '=') {
        expectCompare('apk', a, b, op === '<' ? -1 : op === '>' ? 1 : 0);
      } else {
        check('apk', `${a} ${op} ${b}`, () => apkFuzzyMatch(a, op as '~' | '!~' | '<~' | '>~', b));
      }
    }
  });

  it('maven: ComparableVersionTest vectors', () => {
    const v = JSON.parse(readFileSync(path.join(dir, 'maven', 'ComparableVersion.vectors.json'), 'utf8')) as Record<string, unknown>;
    const ordered = (list: string[]): void => {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expectCompare('maven', list[i]!, list[j]!, -1);
    };
    ordered(v['ascending_qualifier_order'] as string[]);
    ordered(v['ascending_number_order'] as string[]);
    for (const [a, b] of v['equal_pairs'] as [string, string][]) expectCompare('maven', a, b, 0);
    for (const [a, b] of v['same_order_as_pairs'] as [string, string][]) expectCompare('maven', a, b, 0);
    for (const [a, b] of v['less_than_pairs'] as [string, string][]) expectCompare('maven', a, b, -1);
    for (const [a, b] of v['greater_than_pairs'] as [string, string][]) expectCompare('maven', a, b, 1);
    for (const group of v['equal_groups'] as string[][]) for (const x of group) for (const y of group) expectCompare('maven', x, y, 0);
  });

  describe('totals', () => {
    it('every vector passes', () => {
      t.report();
      expect(t.failures.slice(0, 40)).toEqual([]);
      expect(sign(1)).toBe(1);
    });
  });
});
