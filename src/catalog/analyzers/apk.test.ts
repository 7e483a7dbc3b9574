import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { apk } from './apk.js';

const db = '/lib/apk/db/installed';

/** The expected list: the P:/V: pairs of each record that has both, read line by line. */
function expectedFromRecords(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((rec) => [/^P:(.*)$/m.exec(rec)?.[1], /^V:(.*)$/m.exec(rec)?.[1]])
    .filter((pv): pv is [string, string] => pv[0] !== undefined && pv[1] !== undefined)
    .map(([p, v]) => `${p}@${v}`);
}

describeWithTestdata('apk analyzer on trivy/syft fixtures', (root) => {
  const files = [
    'trivy-analyzer/apk/testdata/apk',
    'syft/alpine/testdata/base',
    'syft/alpine/testdata/single',
    'syft/alpine/testdata/empty-deps-and-provides',
    'syft/alpine/testdata/extra-file-attributes',
    'syft/alpine/testdata/multiple-1/lib/apk/db/installed',
    'syft/alpine/testdata/multiple-2/lib/apk/db/installed',
  ];
  let passed = 0;
  it.each(files)('%s: every P:/V: record', async (file) => {
    const text = readFileSync(path.join(root, 'pkgdb', file), 'utf8');
    const facts = await analyzeFile(apk, db, Buffer.from(text));
    const got = packagesOf(facts).map((p) => `${p.name}@${p.version}`);
    expect(got).toEqual(expectedFromRecords(text));
    expect(got.length).toBeGreaterThan(0);
    passed++;
  });

  it('skips the record without a version and reports it as an unknown', async () => {
    const facts = await analyzeFile(apk, db, readFileSync(path.join(root, 'pkgdb/trivy-analyzer/apk/testdata/apk')));
    expect(packagesOf(facts).some((p) => p.name === 'invalidPackageWithoutAVersion')).toBe(false);
    expect(unknownsOf(facts)).toEqual([{ path: db, reason: 'apk record at line 23: package invalidPackageWithoutAVersion has no V: (version)' }]);
    const musl = packagesOf(facts).find((p) => p.name === 'musl');
    expect(musl).toMatchObject({ version: '1.1.14-r10', arch: 'x86_64', sourceName: 'musl', licenses: ['MIT'] });
    expect(musl?.files).toContain('/lib/libc.musl-x86_64.so.1');
  });

  it('reports a corrupt database as an unknown', async () => {
    const facts = await analyzeFile(apk, db, readFileSync(path.join(root, 'pkgdb/syft/alpine/testdata/corrupt/lib/apk/db/installed')));
    expect(packagesOf(facts)).toEqual([]);
    expect(unknownsOf(facts)).toHaveLength(1);
    console.log(`apk fixtures: ${passed}/${files.length} databases match their P:/V: records`);
  });
});
