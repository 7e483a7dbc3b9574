import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { readGoBuildInfo } from '../go-buildinfo.js';
import { goBinary } from './go-binary.js';

const common = [
  'github.com/aquasecurity/test@',
  'github.com/aquasecurity/go-pep440-version@v0.0.0-20210121094942-22b2f8951d46',
  'github.com/aquasecurity/go-version@v0.0.0-20210121072130-637058cfe492',
  'golang.org/x/xerrors@v0.0.0-20200804184101-5ec99f83aff1',
  'stdlib@v1.15.2',
];

// Expected lists from trivy's golang binary parse_test.go (MANIFEST.md, lang/ G13).
const cases: readonly [string, string[]][] = [
  ['test.elf', common],
  ['test.exe', common],
  ['test.macho', common],
  ['semver-main-module-version.macho', ['go.etcd.io/bbolt@v1.3.5', 'stdlib@v1.20.6']],
  ['main-version-via-ldflags.elf', ['github.com/aquasecurity/test@v1.0.0', 'stdlib@v1.22.1']],
  ['goexperiment', ['stdlib@v1.22.1']],
];

describeWithTestdata('go-binary analyzer (trivy golang-binary fixtures)', (root) => {
  const dir = path.join(root, 'lang/trivy/golang-binary');
  let passed = 0;
  it.each(cases)('%s', async (file, want) => {
    const facts = await analyzeFile(goBinary, `/usr/bin/${file}`, readFileSync(path.join(dir, file)), 0o755);
    expect(unknownsOf(facts)).toEqual([]);
    expect(packagesOf(facts).map((p) => `${p.name}@${p.version}`).sort()).toEqual([...want].sort());
    passed++;
  });

  it('dummy: unrecognized executable format, so not a Go binary (no facts)', async () => {
    const content = readFileSync(path.join(dir, 'dummy'));
    expect(readGoBuildInfo(content)).toMatchObject({ ok: false, reason: 'unrecognized executable format' });
    expect(await analyzeFile(goBinary, '/usr/bin/dummy', content, 0o755)).toEqual([]);
    passed++;
    console.log(`go binary fixtures: ${passed}/${cases.length + 1} pass`);
  });
});
