import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliRunner } from '../../../test-support/cli-runner.js';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';

const { home, run } = cliRunner('sbom');

describeWithTestdata('rampart sbom', (root) => {
  const alpine = path.join(root, 'images/trivy-fanal-testdata/alpine-311.tar.gz');

  it.each([
    ['cyclonedx', (doc: Record<string, unknown>) => (doc['components'] as unknown[]).length - 1], // + the OS component
    ['spdx', (doc: Record<string, unknown>) => (doc['packages'] as unknown[]).length - 2], // + target and OS
    ['json', (doc: Record<string, unknown>) => (doc['packages'] as unknown[]).length],
  ] as const)('--format %s lists the 14 packages', async (format, count) => {
    const r = await run(['sbom', alpine, '--format', format]);
    expect(r.code).toBe(0);
    expect(count(JSON.parse(r.out) as Record<string, unknown>)).toBe(14);
    expect(r.err).toContain('14 packages, 0 unknowns (alpine 3.11.5)');
  });

  it('-o writes the file, and sbom:FILE reads it back', async () => {
    const r = await run(['sbom', alpine, '-o', 'out.cdx.json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(path.join(home, 'out.cdx.json'), 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    const again = await run(['sbom', 'sbom:out.cdx.json', '--format', 'json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as { packages: unknown[] }).packages).toHaveLength(14);
  });

  // The layer cache under RAMPART_HOME is on: the runs before and after a skipped one answer from it, unskipped.
  it.each([
    ['--skip-files with the leading /', ['--skip-files', '/lib/apk/db/installed'], 0],
    ['--skip-dirs, comma-separated and repeated', ['--skip-dirs', '/nowhere,/lib/apk', '--skip-dirs', 'etc/none'], 0],
    ['--skip-files that matches nothing', ['--skip-files', 'lib/apk/db/installed-not'], 14],
    ['no skip flags after skipped runs', [], 14],
  ])('%s', async (_label, flags, packages) => {
    const r = await run(['sbom', alpine, '--format', 'json', ...flags]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { packages: unknown[] }).packages).toHaveLength(packages);
  });

  it.each([
    ['an unsupported format', ['sbom', alpine, '--format', 'sarif']],
    ['a missing archive', ['sbom', path.join(home, 'missing.tar')]],
    ['a file that is not an SBOM', ['sbom', `sbom:${alpine}`]],
  ])('exits 2 on %s, writing nothing', async (_label, argv) => {
    const r = await run([...argv]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });
});
