import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { vectorTally } from '../../test-support/vector-tally.js';
import { compareVersions } from './compare-versions.js';
import { pep440 } from './pep440.js';

interface Table {
  readonly test: string;
  readonly cases?: unknown[];
}

/**
 * pypa/packaging's tables. Used: every table about parsing, validity, normalisation and ordering of
 * versions (what OSV `ECOSYSTEM` ranges for PyPI need). Not used here: tables of Python object API
 * (hash, pickle, repr, `from_parts`, accessor properties). The specifier tables run in
 * `pep440-specifier-vectors.test.ts`.
 */
const USED = new Set(['TestVersion.test_valid_versions', 'TestVersion.test_invalid_versions', 'TestVersion.test_normalized_versions']);

describeWithTestdata('PEP 440 vectors (pypa/packaging)', (root) => {
  it('meets every used table', () => {
    const dir = path.join(root, 'version-vectors', 'pep440');
    const version = JSON.parse(readFileSync(path.join(dir, 'test_version.vectors.json'), 'utf8')) as {
      module_constants: { VERSIONS: string[] };
      parametrize: Table[];
    };
    const tally = vectorTally();
    const check = tally.check;
    const ordered = version.module_constants.VERSIONS;
    for (let i = 0; i < ordered.length; i++) {
      for (let j = i; j < ordered.length; j++) {
        const expected = i === j ? 0 : -1;
        check(`${ordered[i]} vs ${ordered[j]}`, () => compareVersions('pep440', ordered[i]!, ordered[j]!) === expected);
      }
    }
    for (const table of version.parametrize) {
      if (!USED.has(table.test)) continue;
      for (const c of table.cases ?? []) {
        const row = c as unknown[];
        const label = `${table.test} ${JSON.stringify(c)}`;
        switch (table.test) {
          case 'TestVersion.test_valid_versions':
            check(label, () => pep440.isValid(c as string));
            break;
          case 'TestVersion.test_invalid_versions':
            check(label, () => !pep440.isValid(c as string));
            break;
          case 'TestVersion.test_normalized_versions':
            check(label, () => compareVersions('pep440', row[0] as string, row[1] as string) === 0);
            break;
          default:
            throw new Error(`unhandled table ${table.test}`);
        }
      }
    }
    console.log(`version vectors pep440: ${tally.ratio()}`);
    expect(tally.failures).toEqual([]);
  });
});
