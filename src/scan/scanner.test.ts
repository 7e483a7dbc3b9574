import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IgnoreEntry } from './ignore-file.js';
import { readIgnoreFile } from './ignore-file.js';
import { applyScanPolicy } from './scan-policy.js';
import { configSecrets, createScanner } from './scanner.js';
import { readVexDocument, vexCovers } from './vex-document.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rampart-scanner-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const noAdvisories = { recordsFor: () => [], recordsByAlias: () => [] };

describe('createScanner', () => {
  it('finds secrets in the image config (ENV, labels, history), masked', () => {
    const token = 'ghp_012345678901234567890123456789abcdef';
    const found = configSecrets({ config: { config: { Env: ['A=1', `GH=${token}`], Labels: { note: `token ${token}` } }, history: [{ created_by: `RUN echo ${token}` }] } });
    expect(found.map((s) => `${s.ruleId} ${s.location.path ?? ''}`).sort()).toEqual(['github-pat image config: Env[1]', 'github-pat image config: Labels[note]', 'github-pat image config: history[0]']);
    expect(found.every((s) => !s.match.includes(token))).toBe(true);
  });

  it('finds secrets in the files of a dir: target, and inventories nothing there as an unknown (never clean)', async () => {
    const dir = mkdtempSync(path.join(tmp, 'root-'));
    writeFileSync(path.join(dir, 'app.env'), 'TOKEN=ghp_012345678901234567890123456789abcdef\n');
    const result = await createScanner({ index: noAdvisories }).scan(`dir:${dir}`, { scanners: ['vuln', 'secret'] });
    expect(result.secrets.map((s) => `${s.ruleId} ${s.location.path ?? ''}:${s.location.line ?? 0}`)).toEqual(['github-pat /app.env:1']);
    expect(result.unknowns.map((u) => u.reason)).toEqual(['no packages were found in the target (no supported package database, lockfile or SBOM component)']);
  });

  it.each([
    { name: 'no patterns', skip: {}, want: ['/app.env', '/conf/deploy.sh', '/go.mod'] },
    { name: '--skip-files', skip: { skipFiles: ['app.env'] }, want: ['/conf/deploy.sh', '/go.mod'] },
    { name: '--skip-dirs', skip: { skipDirs: ['conf'] }, want: ['/app.env', '/go.mod'] },
    { name: '--skip-files with **', skip: { skipFiles: ['**/*.sh', '**/go.mod'] }, want: ['/app.env'] },
  ])('skipped files of a dir: target are neither catalogued nor searched for secrets: $name', async ({ skip, want }) => {
    const dir = mkdtempSync(path.join(tmp, 'skip-'));
    mkdirSync(path.join(dir, 'conf'));
    const token = 'TOKEN=ghp_012345678901234567890123456789abcdef\n';
    writeFileSync(path.join(dir, 'app.env'), token);
    writeFileSync(path.join(dir, 'conf', 'deploy.sh'), token);
    writeFileSync(path.join(dir, 'go.mod'), `module m\ngo 1.21\nrequire github.com/a/a v1.0.0\n// ${token}`);
    const result = await createScanner({ index: noAdvisories, cwd: dir }).scan(`dir:${dir}`, { scanners: ['vuln', 'secret'], skip });
    expect(result.secrets.map((s) => s.location.path ?? '').sort()).toEqual(want);
    expect(result.inventory.packages.map((p) => p.name)).toEqual(want.includes('/go.mod') ? ['github.com/a/a'] : []);
  });
});

describe('scan policy', () => {
  const match = (id: string, name: string, status: 'fixed' | 'not-fixed', severity: 'high' | 'low') =>
    ({
      id,
      aliases: ['GHSA-xxxx-yyyy-zzzz'],
      severity,
      package: { ecosystem: 'npm', name, version: '1.0.0', purl: `pkg:npm/${name}@1.0.0` },
      fixedVersion: status === 'fixed' ? '1.0.1' : undefined,
      status,
      explanation: { advisories: [], installedVersion: '1.0.0', comparedVersion: '1.0.0', scheme: 'semver', matcher: 'npm', severity: { kind: 'none' }, location: {} },
    }) as never;

  it.each([
    ['--severity high', { severities: ['high' as const] }, ['CVE-1 a']],
    ['--ignore-unfixed', { ignoreUnfixed: true }, ['CVE-1 a']],
    ['nothing', {}, ['CVE-1 a', 'CVE-2 b']],
  ])('%s', (_label, policy, want) => {
    const report = applyScanPolicy({ matches: [match('CVE-1', 'a', 'fixed', 'high'), match('CVE-2', 'b', 'not-fixed', 'low')], secrets: [], unknowns: [] }, { ...policy, today: '2026-01-01' });
    expect(report.findings.map((f) => `${f.id} ${(f.evidence['package'] as { name: string }).name}`)).toEqual(want);
  });

  it('ignore entries match by id or alias and package; the expiry day still suppresses, the day after does not', () => {
    const ignores: IgnoreEntry[] = readIgnoreFile('- id: GHSA-xxxx-yyyy-zzzz\n  package: a\n  reason: r\n  expires: 2026-01-01\n', 'f.yaml');
    const input = { matches: [match('CVE-1', 'a', 'fixed', 'high'), match('CVE-1', 'b', 'fixed', 'high')], secrets: [], unknowns: [] };
    expect(applyScanPolicy(input, { ignores, today: '2026-01-01' }).suppressed).toHaveLength(1);
    const later = applyScanPolicy(input, { ignores, today: '2026-01-02' });
    expect([later.suppressed.length, later.findings.length, later.expiredIgnores.length]).toEqual([0, 2, 1]);
  });

  it.each([
    ['missing reason', '- id: CVE-1\n'],
    ['bad date', '- id: CVE-1\n  reason: r\n  expires: soon\n'],
    ['unknown key', '- id: CVE-1\n  reason: r\n  until: 2026-01-01\n'],
    ['broken YAML', '- id: [\n'],
  ])('an ignore file with a %s is bad input naming the file', (_label, text) => {
    expect(() => readIgnoreFile(text, 'x.yaml')).toThrow(/x\.yaml/);
  });

  it.each([
    ['versionless purl', ['pkg:npm/a'], 'pkg:npm/a@1.0.0', true],
    ['same version', ['pkg:npm/a@1.0.0'], 'pkg:npm/a@1.0.0?x=1', true],
    ['other version', ['pkg:npm/a@2.0.0'], 'pkg:npm/a@1.0.0', false],
    ['other package', ['pkg:npm/b'], 'pkg:npm/a@1.0.0', false],
    ['image product', ['pkg:oci/app@sha256:abc'], 'pkg:npm/a@1.0.0', true],
    ['no products', [], 'pkg:npm/a@1.0.0', true],
  ])('VEX product match: %s', (_label, products, purl, covers) => {
    expect(vexCovers({ vulnerability: 'CVE-1', products, status: 'not_affected', file: 'v.json' }, purl)).toBe(covers);
  });

  it('rejects a document that is neither OpenVEX nor CycloneDX', () => {
    expect(() => readVexDocument('{"a":1}', 'v.json')).toThrow(/v\.json/);
    expect(() => readVexDocument('nope', 'v.json')).toThrow(/v\.json/);
  });
});
