import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'rampart-sbom-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { RAMPART_HOME: home }, cwd: home, out: () => out, err: () => err };
}

describeWithTestdata('rampart sbom', (root) => {
  const alpine = path.join(root, 'images/trivy-fanal-testdata/alpine-311.tar.gz');

  it.each([
    ['cyclonedx', (doc: Record<string, unknown>) => (doc['components'] as unknown[]).length - 1], // + the OS component
    ['spdx', (doc: Record<string, unknown>) => (doc['packages'] as unknown[]).length - 2], // + target and OS
    ['json', (doc: Record<string, unknown>) => (doc['packages'] as unknown[]).length],
  ] as const)('--format %s lists the 14 packages', async (format, count) => {
    const io = captureIo();
    expect(await main(['sbom', alpine, '--format', format], { io })).toBe(0);
    expect(count(JSON.parse(io.out()) as Record<string, unknown>)).toBe(14);
    expect(io.err()).toContain('14 packages, 0 unknowns (alpine 3.11.5)');
  });

  it('-o writes the file, and sbom:FILE reads it back', async () => {
    const io = captureIo();
    expect(await main(['sbom', alpine, '-o', 'out.cdx.json'], { io })).toBe(0);
    expect(io.out()).toBe('');
    expect(JSON.parse(readFileSync(path.join(home, 'out.cdx.json'), 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    const again = captureIo();
    expect(await main(['sbom', 'sbom:out.cdx.json', '--format', 'json'], { io: again })).toBe(0);
    expect((JSON.parse(again.out()) as { packages: unknown[] }).packages).toHaveLength(14);
  });

  // The layer cache under RAMPART_HOME is on: the runs before and after a skipped one answer from it, unskipped.
  it.each([
    ['--skip-files with the leading /', ['--skip-files', '/lib/apk/db/installed'], 0],
    ['--skip-dirs, comma-separated and repeated', ['--skip-dirs', '/nowhere,/lib/apk', '--skip-dirs', 'etc/none'], 0],
    ['--skip-files that matches nothing', ['--skip-files', 'lib/apk/db/installed-not'], 14],
    ['no skip flags after skipped runs', [], 14],
  ])('%s', async (_label, flags, packages) => {
    const io = captureIo();
    expect(await main(['sbom', alpine, '--format', 'json', ...flags], { io })).toBe(0);
    expect((JSON.parse(io.out()) as { packages: unknown[] }).packages).toHaveLength(packages);
  });

  it.each([
    ['an unsupported format', ['sbom', alpine, '--format', 'sarif']],
    ['a missing archive', ['sbom', path.join(home, 'missing.tar')]],
    ['a file that is not an SBOM', ['sbom', `sbom:${alpine}`]],
  ])('exits 2 on %s, writing nothing', async (_label, argv) => {
    const io = captureIo();
    expect(await main([...argv], { io })).toBe(2);
    expect(io.out()).toBe('');
  });
});
