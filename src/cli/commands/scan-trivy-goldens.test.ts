import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliRunner } from '../../../test-support/cli-runner.js';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { trivyFixtureToOsv } from '../../../test-support/trivy-fixture-db.js';

const { home, run } = cliRunner('scan-goldens');

type Golden = { Results?: { Type: string; Vulnerabilities?: { PkgName: string; InstalledVersion: string; VulnerabilityID: string }[] }[] };
type ScanDoc = { findings: { id: string; aliases: string[]; package: { name: string; version: string } }[]; unknowns: { reason: string }[]; summary: { packages: number } };

/**
 * Goldens whose input is present here but whose answer depends on something Rampart does
 * differently on purpose; each with the reason. Counted, not hidden.
 */
const EXPLAINED: Record<string, string> = {
  'alpine-310.json.golden':
    'trivy scanned its own alpine-310 test image (Alpine 3.10.2, openssl 1.1.1c-r0, not in testdata); the alpine-310 image here is ' +
    'fanal’s (3.10.4, openssl 1.1.1d-r2), which the fixture DB’s fixes 1.1.1d-r0/-r2 already cover: 0 findings is right for it',
};

describeWithTestdata('rampart scan vs trivy integration goldens (end to end, inputs present here)', (root) => {
  const base = path.join(root, 'vulndb', 'trivy-integration');
  // trivy's fixture DB as OSV records, built into one database the first time a test asks for it
  let built: Promise<string> | undefined;
  const fixtureDb = (): Promise<string> =>
    (built ??= (async () => {
      const recordsFile = path.join(home, 'trivy-fixture-db.json');
      writeFileSync(recordsFile, JSON.stringify(trivyFixtureToOsv(path.join(base, 'fixtures', 'db'))));
      const db = path.join(home, 'trivy.sqlite');
      expect((await run(['db', 'build', '--db', db, '--from', recordsFile])).code).toBe(0);
      return db;
    })());

  it('scans each present repo fixture (dir:) and the alpine-310 image, and reports the golden’s package/vulnerability pairs', async () => {
    const db = await fixtureDb();

    const cases: { golden: string; target: string }[] = [];
    for (const file of readdirSync(base).filter((f) => f.endsWith('.json.golden')).sort()) {
      const stem = file.slice(0, -'.json.golden'.length);
      const repo = [stem, stem.replace(/\.lock$/, '')].map((s) => path.join(base, 'fixtures', 'repo', s)).find((p) => existsSync(p));
      if (repo !== undefined) cases.push({ golden: file, target: `dir:${repo}` });
    }
    // composer.vendor.json.golden's fixture folder is named composer-vendor
    const composerVendor = path.join(base, 'fixtures', 'repo', 'composer-vendor');
    if (existsSync(composerVendor)) cases.push({ golden: 'composer.vendor.json.golden', target: `dir:${composerVendor}` });
    const alpine = path.join(root, 'images', 'trivy-fanal-testdata', 'alpine-310.tar.gz');
    if (existsSync(alpine)) cases.push({ golden: 'alpine-310.json.golden', target: alpine });

    const lines: string[] = [];
    const failures: string[] = [];
    let pass = 0;
    let explained = 0;
    let withFindings = 0;
    // lockfile formats the catalog has no analyzer for yet (conan, CocoaPods, SwiftPM, pubspec): the
    // scan inventories 0 packages
    const notInventoried: string[] = [];
    for (const c of cases) {
      const golden = JSON.parse(readFileSync(path.join(base, c.golden), 'utf8')) as Golden;
      const expected = new Set((golden.Results ?? []).flatMap((r) => (r.Vulnerabilities ?? []).map((v) => `${v.PkgName}@${v.InstalledVersion} ${v.VulnerabilityID}`)));
      const r = await run(['scan', c.target, '--db', db, '--format', 'json']);
      if (r.code !== 0) {
        failures.push(`${c.golden}: exit ${r.code} ${r.err.trim()}`);
        continue;
      }
      const doc = JSON.parse(r.out) as ScanDoc;
      const got = new Set<string>();
      for (const f of doc.findings) {
        const ids = [f.id, ...f.aliases];
        const key = [...expected].find((e) => ids.some((id) => e === `${f.package.name}@${f.package.version} ${id}`));
        got.add(key ?? `${f.package.name}@${f.package.version} ${f.id}`);
      }
      const missing = [...expected].filter((e) => !got.has(e));
      const extra = [...got].filter((g) => !expected.has(g));
      const ok = missing.length === 0 && extra.length === 0;
      if (ok && expected.size > 0) withFindings++;
      if (ok) pass++;
      else if (EXPLAINED[c.golden] !== undefined) explained++;
      else if (doc.summary.packages === 0) {
        // reported as an unknown, never as clean
        expect(doc.unknowns.map((u) => u.reason)).toContain('no packages were found in the target (no supported package database, lockfile or SBOM component)');
        notInventoried.push(c.golden);
      }
      else failures.push(`${c.golden}: missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`);
      lines.push(`${c.golden}: ${expected.size - missing.length}/${expected.size} expected, ${extra.length} extra, ${doc.summary.packages} packages, ${doc.unknowns.length} unknowns${EXPLAINED[c.golden] === undefined || ok ? '' : ` (explained: ${EXPLAINED[c.golden]})`}`);
    }
    const inScope = cases.length - notInventoried.length;
    console.log(
      `trivy integration goldens via rampart scan: ${pass}/${inScope} cases in scope reproduced (${withFindings} with vulnerabilities, the rest expect none), ${explained} explained; ` +
        `${notInventoried.length} not inventoried (no catalog analyzer for the lockfile: ${notInventoried.join(', ')})\n  ${lines.join('\n  ')}`,
    );
    expect(inScope).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(pass + explained).toBe(inScope);
  });

  it('gomod-vex: the gomod repo with trivy’s OpenVEX file (opa CVE-2022-23628 not_affected as a subcomponent of the main module)', async () => {
    const db = await fixtureDb();
    const golden = JSON.parse(readFileSync(path.join(base, 'gomod-vex.json.golden'), 'utf8')) as Golden;
    const want = (golden.Results ?? []).flatMap((r) => (r.Vulnerabilities ?? []).map((v) => `${v.PkgName}@${v.InstalledVersion} ${v.VulnerabilityID}`)).sort();
    const r = await run(['scan', `dir:${path.join(base, 'fixtures', 'repo', 'gomod')}`, '--db', db, '--vex', path.join(base, 'fixtures', 'vex', 'file', 'openvex.json'), '--format', 'json']);
    const doc = JSON.parse(r.out) as ScanDoc & { suppressed: { id: string; package: { name: string } }[] };
    expect(doc.findings.map((f) => `${f.package.name}@${f.package.version} ${f.id}`).sort()).toEqual(want);
    expect(doc.suppressed.map((f) => `${f.package.name} ${f.id}`)).toEqual(['github.com/open-policy-agent/opa CVE-2022-23628']);
    console.log(`trivy gomod-vex golden: ${want.length}/${want.length} findings, the VEX-suppressed one suppressed`);
  });

  // trivy ran `fs testdata/fixtures/repo/gomod --skip-files testdata/fixtures/repo/gomod/submod2/go.mod` (and the same with
  // --skip-dirs …/submod2): patterns given from the working directory into the scanned folder. Here the working directory is
  // the folder holding `fixtures`, so the same cwd-relative form is exercised.
  it.each([
    ['--skip-files', 'fixtures/repo/gomod/submod2/go.mod'],
    ['--skip-dirs', 'fixtures/repo/gomod/submod2'],
    ['--skip-dirs', './fixtures/repo/gomod/submod2'],
  ])('gomod-skip: the gomod repo with %s %s (submod2 left out)', async (flag, pattern) => {
    const db = await fixtureDb();
    const golden = JSON.parse(readFileSync(path.join(base, 'gomod-skip.json.golden'), 'utf8')) as { Results?: { Target: string; Vulnerabilities?: { PkgName: string; InstalledVersion: string; VulnerabilityID: string }[] }[] };
    const want = (golden.Results ?? []).flatMap((r) => (r.Vulnerabilities ?? []).map((v) => `/${r.Target} ${v.PkgName}@${v.InstalledVersion} ${v.VulnerabilityID}`)).sort();
    const r = await run(['scan', 'dir:fixtures/repo/gomod', flag, pattern, '--db', db, '--format', 'json'], base);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { findings: { id: string; aliases: string[]; package: { name: string; version: string }; location: { path?: string } }[] };
    const got = doc.findings
      .map((f) => {
        const id = [f.id, ...f.aliases].find((i) => want.includes(`${f.location.path ?? ''} ${f.package.name}@${f.package.version} ${i}`)) ?? f.id;
        return `${f.location.path ?? ''} ${f.package.name}@${f.package.version} ${id}`;
      })
      .sort();
    expect(got).toEqual(want);
    // and without the flag, submod2's go.mod is scanned: the skip is what removes its findings
    const unskipped = await run(['scan', 'dir:fixtures/repo/gomod', '--db', db, '--format', 'json'], base);
    expect((JSON.parse(unskipped.out) as typeof doc).findings.some((f) => f.location.path === '/submod2/go.mod')).toBe(true);
    console.log(`trivy gomod-skip golden (${flag} ${pattern}, cwd-relative): ${got.filter((g) => want.includes(g)).length}/${want.length} findings, 0 extra`);
  });

  it('secrets: the repo/secrets fixture with --scanners secret', async () => {
    const golden = JSON.parse(readFileSync(path.join(base, 'secrets.json.golden'), 'utf8')) as { Results: { Target: string; Secrets?: { RuleID: string; StartLine: number }[] }[] };
    const want = golden.Results.flatMap((r) => (r.Secrets ?? []).map((x) => `/${r.Target} ${x.RuleID}:${x.StartLine}`));
    // trivy ran with the fixture's trivy-secret.yaml (a custom `mysecret` rule, github-pat disabled).
    const dir = path.join(base, 'fixtures', 'repo', 'secrets');
    const r = await run(['scan', `dir:${dir}`, '--scanners', 'secret', '--secret-config', path.join(dir, 'trivy-secret.yaml'), '--format', 'json']);
    const got = (JSON.parse(r.out) as { secrets: { ruleId: string; startLine: number; location: { path: string } }[] }).secrets.map((x) => `${x.location.path} ${x.ruleId}:${x.startLine}`);
    expect(got).toEqual(want);
    // Without the configuration: the built-in rules only (github-pat reported, no `mysecret`).
    const builtin = await run(['scan', `dir:${dir}`, '--scanners', 'secret', '--format', 'json']);
    const plain = (JSON.parse(builtin.out) as { secrets: { ruleId: string; startLine: number; location: { path: string } }[] }).secrets.map((x) => `${x.location.path} ${x.ruleId}:${x.startLine}`);
    expect(plain).toEqual(['/deploy.sh aws-access-key-id:3', '/deploy.sh github-pat:5']);
    // A bad configuration stops the scan: exit 2, file, line and column.
    const bad = path.join(home, 'bad-secret.yaml');
    writeFileSync(bad, 'rules:\n  - id: x\n    regex: (a)\\1\n');
    const refused = await run(['scan', `dir:${dir}`, '--scanners', 'secret', '--secret-config', bad]);
    expect([refused.code, refused.err]).toEqual([2, expect.stringMatching(/bad-secret\.yaml:3:12: regex: invalid RE2 pattern/)]);
    console.log(`trivy secrets golden (with --secret-config trivy-secret.yaml): ${got.filter((g) => want.includes(g)).length}/${want.length}`);
  });
});
