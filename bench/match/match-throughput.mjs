// Bench: match every package of a real image (trivy's "vuln-image": its apk packages and its
// Gemfile.lock / Cargo.lock / composer.lock / package-lock.json / Pipfile.lock libraries, as listed by
// trivy's fanal goldens) plus 13 other real images' OS package lists against an index built from
// every OSV record under ../shared/testdata/vulndb/osv (~8k records). Prints packages/s.
// Run `npm run build` first; `npm run bench:match`.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, openVulnIndex } from '../../dist/vulndb/index.js';
import { createVulnMatcher } from '../../dist/match/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testdata = process.env.RAMPART_TESTDATA ?? path.resolve(repo, '..', 'shared', 'testdata');
const osv = path.join(testdata, 'vulndb', 'osv');
const db = path.join(tmpdir(), 'rampart-bench-osv-index.sqlite');

let t = performance.now();
const built = await buildIndex({ db, from: ['golang-vulndb', 'pypa-advisory-database', 'rustsec-osv', 'github-advisory-database-npm-sample'].map((d) => path.join(osv, d)) });
const buildMs = performance.now() - t;

const goldens = path.join(testdata, 'images', 'trivy-fanal-goldens');
const types = { bundler: 'RubyGems', cargo: 'crates.io', composer: 'Packagist', npm: 'npm', pipenv: 'PyPI' };
const packages = [];
for (const lib of JSON.parse(readFileSync(path.join(goldens, 'vuln-image1.2.3.expectedlibs.golden'), 'utf8'))) {
  for (const p of lib.Packages) packages.push({ ecosystem: types[lib.Type], name: p.Name, version: p.Version, location: { path: lib.FilePath } });
}
const osFamilies = { apk: 'Alpine', dpkg: 'Debian', rpm: 'Red Hat' };
const lists = ['vulnimage', 'alpine-310', 'debian-buster', 'ubuntu-18.04', 'centos-6', 'fedora-35', 'ubi-7', 'amazon-2', 'opensuse-leap-151', 'opensuse-tumbleweed', 'suse-15.3_ndb', 'oraclelinux-8-slim', 'photon-30', 'gcr.io-distroless-base-latest'];
for (const name of lists) {
  const file = path.join(goldens, 'packages', `${name}.json.golden`);
  if (!existsSync(file)) continue;
  for (const p of JSON.parse(readFileSync(file, 'utf8'))) {
    const ecosystem = name.startsWith('ubuntu') ? 'Ubuntu' : name.startsWith('debian') || name.startsWith('gcr') ? 'Debian' : osFamilies[p.AnalyzedBy] ?? 'Red Hat';
    const version = `${p.Epoch ? `${p.Epoch}:` : ''}${p.Version}${p.Release ? `-${p.Release}` : ''}`;
    packages.push({ ecosystem, name: p.Name, version, sourceName: p.SrcName ?? p.Name, distroRelease: '0' });
  }
}

const index = openVulnIndex(db);
const matcher = createVulnMatcher({ index });
matcher.matchPackages(packages); // warm-up
const rounds = 5;
t = performance.now();
let result;
for (let i = 0; i < rounds; i++) result = matcher.matchPackages(packages);
const matchMs = (performance.now() - t) / rounds;
index.close();
process.stdout.write(`index: ${built.records} OSV records built in ${(buildMs / 1000).toFixed(1)} s (${Math.round(built.records / (buildMs / 1000))} records/s)\n`);
process.stdout.write(`match: ${packages.length} packages in ${matchMs.toFixed(1)} ms → ${Math.round(packages.length / (matchMs / 1000))} packages/s ` +
  `(${result.matches.length} matches, ${result.unknowns.length} unknowns, ${result.stats.advisories} candidate advisories)\n`);
