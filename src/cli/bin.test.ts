import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const unbundled = path.join(root, 'dist', 'cli', 'bin.js');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: { rampart: string } };
const bundled = path.join(root, manifest.bin.rampart);

// `npm test` builds before running the unit tests, so the real binaries are exercised here: the
// bundle package.json names as `bin` (what users run), and tsc's unbundled output.
describe.each([
  ['bundled', bundled],
  ['unbundled', unbundled],
])('the built rampart binary (%s)', (_kind, bin) => {
  describe.runIf(existsSync(bin))('', () => {
    it('answers --help and --version', () => {
      const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
      expect(help).toContain('Usage: rampart');
      for (const command of ['db', 'scan', 'sbom', 'lint', 'rules', 'trail', 'watch']) expect(help).toMatch(new RegExp(`\\n  ${command}\\b`));
      expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
      expect(execFileSync(process.execPath, [bin, 'scan', '--help'], { encoding: 'utf8' })).toContain('--fail-on');
    });
    it('ends quietly with status 141 when its reader closes the pipe early', async () => {
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [bin, 'rules', 'list', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // the reader is gone before the first write
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ status, stderr }).toEqual({ status: 141, stderr: '' });
    });
    it('exits 2 on nonsense', () => {
      const result = spawnSync(process.execPath, [bin, 'nonsense'], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    });
  });
});

describe.runIf(existsSync(bundled))('the bundled binary runs the README main job', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'rampart-bin-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('builds the example database (native SQLite) and scans the example SBOM to CycloneDX', () => {
    const env = { ...process.env, RAMPART_HOME: home };
    const db = path.join(home, 'example.sqlite');
    const build = spawnSync(process.execPath, [bundled, 'db', 'build', '--db', db, '--from', path.join(root, 'examples', 'advisories')], { encoding: 'utf8', env });
    expect(build.status, build.stderr).toBe(0);
    const scan = spawnSync(process.execPath, [bundled, 'scan', `sbom:${path.join(root, 'examples', 'example-app.cdx.json')}`, '--db', db, '--format', 'cyclonedx'], { encoding: 'utf8', env });
    expect(scan.status, scan.stderr).toBe(0);
    const bom = JSON.parse(scan.stdout) as { bomFormat: string; vulnerabilities: unknown[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.vulnerabilities.length).toBeGreaterThan(0);
  });

  it('catalogs a folder (every analyzer loads inside the bundle)', () => {
    const sbom = spawnSync(process.execPath, [bundled, 'sbom', `dir:${path.join(root, 'examples')}`, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, RAMPART_HOME: home } });
    expect(sbom.status, sbom.stderr).toBe(0);
    expect(JSON.parse(sbom.stdout)).toHaveProperty('packages');
  });
});
