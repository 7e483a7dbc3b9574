import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFiles, packagesOf, unknownsOf } from '../analyze-file.js';
import { cargoLock } from './cargo-lock.js';

const list = (facts: Awaited<ReturnType<typeof analyzeFiles>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}${p.dev === true ? ' (dev)' : ''}`).sort();
const reg = 'source = "registry+https://github.com/rust-lang/crates.io-index"';

const v1 = `[root]
name = "app"
version = "0.1.0"
dependencies = [
 "libc 0.2.50 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "libc"
version = "0.2.50"
${reg}

[metadata]
"checksum libc 0.2.50 (registry+https://github.com/rust-lang/crates.io-index)" = "aa"
`;
const v3 = `version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = ["serde", "rand 0.8.5", "helper", "proptest"]

[[package]]
name = "helper"
version = "0.1.0"
dependencies = ["itoa"]

[[package]]
name = "serde"
version = "1.0.1"
${reg}

[[package]]
name = "rand"
version = "0.8.5"
${reg}
dependencies = ["libc"]

[[package]]
name = "rand"
version = "0.7.3"
${reg}

[[package]]
name = "libc"
version = "0.2.1"
${reg}

[[package]]
name = "itoa"
version = "1.0.0"
${reg}

[[package]]
name = "proptest"
version = "1.0.0"
${reg}
dependencies = ["rand 0.7.3"]

[[package]]
name = "forked"
version = "0.2.0"
source = "git+https://github.com/example/forked?rev=abc#abc"
`;
const toml = `[package]
name = "app"
version = "0.1.0"

[workspace]
members = ["crates/*"]

[dependencies]
serde = "1"
rng = { package = "rand", version = "0.8" }
helper = { path = "crates/helper" }

[dev-dependencies]
proptest = "1"
`;

it.each([
  ['lockfile v1 ([root], [metadata]); no manifest: nothing marked dev', { '/a/Cargo.lock': v1 }, ['libc@0.2.50']],
  ['v3 without Cargo.toml: every registry and git crate, local crates left out', { '/a/Cargo.lock': v3 }, ['forked@0.2.0', 'itoa@1.0.0', 'libc@0.2.1', 'proptest@1.0.0', 'rand@0.7.3', 'rand@0.8.5', 'serde@1.0.1']],
  [
    'v3 with Cargo.toml: renamed deps followed, workspace member crates walked, dev-only crates marked',
    { '/a/Cargo.lock': v3, '/a/Cargo.toml': toml, '/a/crates/helper/Cargo.toml': '[package]\nname = "helper"\n[dependencies]\nitoa = "1"\n' },
    ['forked@0.2.0 (dev)', 'itoa@1.0.0', 'libc@0.2.1', 'proptest@1.0.0 (dev)', 'rand@0.7.3 (dev)', 'rand@0.8.5', 'serde@1.0.1'],
  ],
  ['v4, a lone Cargo.toml gives nothing', { '/b/Cargo.lock': `version = 4\n\n[[package]]\nname = "x"\nversion = "1.0.0"\n${reg}\n`, '/c/Cargo.toml': toml }, ['x@1.0.0']],
] as const)('%s', async (_label, files, want) => {
  const facts = await analyzeFiles(cargoLock, files);
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
  expect(packagesOf(facts).every((p) => p.type === 'cargo')).toBe(true);
});

it.each([
  ['invalid TOML', { '/a/Cargo.lock': '[[package]\nname = ' }, '/a/Cargo.lock', 'invalid TOML'],
  ['a package without a version', { '/a/Cargo.lock': '[[package]]\nname = "x"\n' }, '/a/Cargo.lock', 'not a Cargo.lock'],
  ['a future lockfile version', { '/a/Cargo.lock': 'version = 9\n' }, '/a/Cargo.lock', 'unsupported Cargo.lock version 9'],
  ['a broken Cargo.toml beside a good lock', { '/a/Cargo.lock': v1, '/a/Cargo.toml': '[package\n' }, '/a/Cargo.toml', 'dev-dependencies of /a/Cargo.lock not set apart'],
])('malformed: %s is an unknown', async (_label, files, at, reason) => {
  expect(unknownsOf(await analyzeFiles(cargoLock, files))).toEqual([{ path: at, reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('Cargo.lock fixtures (trivy integration repo, osv-scanner scan-source)', (root) => {
  it('trivy repo/cargo: the golden’s 6 crates (its `app` root is the project itself), winapi and its 2 crates dev-only', async () => {
    const dir = path.join(root, 'vulndb/trivy-integration/fixtures/repo/cargo');
    const facts = await analyzeFiles(cargoLock, { '/r/Cargo.lock': readFileSync(path.join(dir, 'Cargo.lock')), '/r/Cargo.toml': readFileSync(path.join(dir, 'Cargo.toml')) });
    const golden = JSON.parse(readFileSync(path.join(root, 'vulndb/trivy-integration/cargo.lock.json.golden'), 'utf8')) as { Results: { Packages: { Name: string; Version: string; Relationship: string }[] }[] };
    const want = (golden.Results[0]?.Packages ?? []).filter((p) => p.Relationship !== 'root').map((p) => `${p.Name}@${p.Version}`).sort();
    expect(list(facts).filter((p) => !p.endsWith('(dev)'))).toEqual(want);
    expect(list(facts).filter((p) => p.endsWith('(dev)'))).toEqual(['winapi-i686-pc-windows-gnu@0.4.0 (dev)', 'winapi-x86_64-pc-windows-gnu@0.4.0 (dev)', 'winapi@0.3.9 (dev)']);
    console.log(`trivy cargo golden packages: ${want.length}/${want.length} non-root crates, trivy's dev-dependency removal reproduced as 3 dev-marked crates`);
  });

  // osv-scanner counts every [[package]], the workspace's own crate (no `source`) included: ours is one fewer.
  it.each([
    ['exp-plugins-pkgdeprecate/clean/Cargo.lock', 5],
    ['exp-plugins-pkgdeprecate/deprecated-novuln/Cargo.lock', 36],
    ['exp-plugins-pkgdeprecate/deprecated-vuln/Cargo.lock', 7],
  ] as const)('osv-scanner %s (snapshot: %i packages, 1 of them the local root crate)', async (file, osvCount) => {
    const facts = await analyzeFiles(cargoLock, { '/s/Cargo.lock': readFileSync(path.join(root, 'vulndb/osv-scanner/scan-source/testdata', file)) });
    expect(unknownsOf(facts)).toEqual([]);
    expect(packagesOf(facts)).toHaveLength(osvCount - 1);
  });
});
