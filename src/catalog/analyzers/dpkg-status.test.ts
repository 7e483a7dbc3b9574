import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { dpkgFiles } from './dpkg-files.js';
import { dpkgStatus } from './dpkg-status.js';

/** txtar: `-- path --` lines separate files. */
function readTxtar(text: string): Map<string, string> {
  const files = new Map<string, string>();
  const parts = text.split(/^-- (.+) --$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) files.set(`/${parts[i] ?? ''}`, (parts[i + 1] ?? '').replace(/^\n/, ''));
  return files;
}

/** Expected: paragraphs whose Status ends in "installed" (excluding deinstall) with a valid version. */
function expectedInstalled(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .filter((p) => /^Status: install ok installed$/m.test(p))
    .map((p) => `${/^Package: (.*)$/m.exec(p)?.[1] ?? ''}@${/^Version: (.*)$/m.exec(p)?.[1] ?? ''}`);
}

describeWithTestdata('dpkg analyzers on trivy/syft fixtures', (root) => {
  const txtars = ['valid', 'third-party', 'only-apt', 'md5sums', 'digest', 'corrupsed'];
  let passed = 0;
  it.each(txtars)('%s.txtar: every installed package', async (name) => {
    const files = readTxtar(readFileSync(path.join(root, 'pkgdb/trivy-analyzer/dpkg/testdata', `${name}.txtar`), 'utf8'));
    const status = files.get('/var/lib/dpkg/status') ?? '';
    const got = packagesOf(await analyzeFile(dpkgStatus, '/var/lib/dpkg/status', Buffer.from(status))).map((p) => `${p.name}@${p.version}`);
    // corrupsed: trivy throws out the package without a version and the one with version "1:5.#"
    expect(got).toEqual(expectedInstalled(status).filter((p) => !p.startsWith('invalidpkg@')));
    passed++;
  });

  it('keeps epochs and Source: name (version)', async () => {
    const third = readTxtar(readFileSync(path.join(root, 'pkgdb/trivy-analyzer/dpkg/testdata/third-party.txtar'), 'utf8'));
    const pk = packagesOf(await analyzeFile(dpkgStatus, '/var/lib/dpkg/status', Buffer.from(third.get('/var/lib/dpkg/status') ?? '')));
    expect(pk[0]).toMatchObject({ name: 'docker-ce', version: '5:20.10.7~3-0~debian-buster', sourceName: 'docker-ce', arch: 'amd64' });
    const bad = readTxtar(readFileSync(path.join(root, 'pkgdb/trivy-analyzer/dpkg/testdata/corrupsed.txtar'), 'utf8'));
    const facts = await analyzeFile(dpkgStatus, '/var/lib/dpkg/status', Buffer.from(bad.get('/var/lib/dpkg/status') ?? ''));
    expect(packagesOf(facts).find((p) => p.name === 'libgcc1')).toMatchObject({ version: '1:5.1.1-12ubuntu1', sourceName: 'gcc-5', sourceVersion: '5.1.1-12ubuntu1' });
    expect(unknownsOf(facts).map((u) => u.reason)).toEqual([
      'dpkg status line 63: package brokenPackageWithNoVersionThatShouldGetThrownOut without Version',
      'dpkg status line 85: package invalidpkg has an invalid version "1:5.#"',
    ]);
  });

  const statusD: readonly [string, string[] | 'unknown'][] = [
    ['single', ['apt@1.8.2']],
    // "Package:" without a name and "no-version" become unknowns (two of them)
    ['multiple', ['tzdata@2020a-0+deb10u1', 'util-linux@2.33.1-0.1']],
    // the second paragraph is "deinstall ok config-files": excluded
    ['deinstall', ['linux-image-6.14.0-1012-aws@6.14.0-1012.12~24.04.1']],
    ['empty', []],
    ['corrupt', 'unknown'],
    ['installed-size-4KB', ['apt@1.8.2']],
  ];
  it.each(statusD)('distroless status.d/%s', async (name, want) => {
    const at = `/var/lib/dpkg/status.d/${name}`;
    const facts = await analyzeFile(dpkgStatus, at, readFileSync(path.join(root, 'pkgdb/syft/debian/testdata/var/lib/dpkg/status.d', name)));
    if (want === 'unknown') {
      expect(unknownsOf(facts)).toHaveLength(1);
      expect(packagesOf(facts)).toEqual([]);
    } else {
      expect(packagesOf(facts).map((p) => `${p.name}@${p.version}`)).toEqual(want);
    }
    passed++;
  });

  it('reads info/*.list as owned files and skips md5sums next to status.d files', async () => {
    const facts = await analyzeFile(dpkgFiles, '/var/lib/dpkg/info/libc6:amd64.list', Buffer.from('/.\n/lib\n/lib/x86_64-linux-gnu/libc.so.6\n'));
    expect(facts).toEqual([
      { kind: 'owned-files', path: '/var/lib/dpkg/info/libc6:amd64.list', ownerType: 'deb', ownerName: 'libc6', files: ['/lib', '/lib/x86_64-linux-gnu/libc.so.6'] },
    ]);
    expect(dpkgStatus.required('/var/lib/dpkg/status.d/libc6.md5sums')).toBe(false);
    console.log(`dpkg fixtures: ${passed}/${txtars.length + statusD.length} pass`);
  });
});
