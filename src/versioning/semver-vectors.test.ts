import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { vectorTally } from '../../test-support/vector-tally.js';
import { compareVersions } from './compare-versions.js';
import { parseSemver, satisfiesSemverRange, semver } from './semver.js';

type Row = unknown[];

/**
 * node-semver's fixtures. Used: comparisons, equality, valid and invalid versions, range include
 * and exclude. Not used: range-parse, comparator/range intersection, gtr/ltr, increments and
 * truncations test node-semver's range algebra and version bumping, which Rampart does not offer
 * (its npm matching needs ordering and range membership only).
 */
describeWithTestdata('npm semver vectors (node-semver fixtures)', (root) => {
  it('meets every used fixture', () => {
    const load = (name: string): Row[] =>
      (JSON.parse(readFileSync(path.join(root, 'version-vectors', 'semver', `${name}.json`), 'utf8')) as { cases: Row[] }).cases;
    const tally = vectorTally();
    const check = tally.check;
    for (const [a, b] of load('comparisons') as [string, string][]) {
      check(`${a} > ${b}`, () => compareVersions('semver', a, b) === 1 && compareVersions('semver', b, a) === -1);
    }
    for (const [a, b] of load('equality') as [string, string][]) {
      check(`${a} = ${b}`, () => compareVersions('semver', a, b) === 0);
    }
    for (const [v, major, minor, patch, prerelease, build] of load('valid-versions') as [string, number, number, number, unknown[], string[]][]) {
      check(`valid ${v}`, () => {
        const p = parseSemver(v);
        return p.major === major && p.minor === minor && p.patch === patch && JSON.stringify(p.prerelease) === JSON.stringify(prerelease) && JSON.stringify(p.build) === JSON.stringify(build);
      });
    }
    for (const [v] of load('invalid-versions')) {
      check(`invalid ${JSON.stringify(v)}`, () => !semver.isValid(v as string));
    }
    const options = (o: unknown): { loose?: boolean; includePrerelease?: boolean } =>
      o === true ? { loose: true } : typeof o === 'object' && o !== null ? (o as { loose?: boolean }) : {};
    for (const [range, version, o] of load('range-include') as [string, string, unknown][]) {
      check(`${version} in ${range}`, () => satisfiesSemverRange(version, range, options(o)));
    }
    for (const [range, version, o] of load('range-exclude') as [string, string, unknown][]) {
      check(`${version} not in ${range}`, () => !satisfiesSemverRange(version, range, options(o)));
    }
    console.log(`version vectors semver: ${tally.ratio()}`);
    expect(tally.failures).toEqual([]);
  });
});
