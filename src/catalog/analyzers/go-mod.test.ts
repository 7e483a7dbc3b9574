import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFiles, packagesOf, unknownsOf } from '../analyze-file.js';
import { goMod } from './go-mod.js';

const list = (facts: Awaited<ReturnType<typeof analyzeFiles>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}`).sort();

it.each([
  [
    'require blocks, indirect kept from Go 1.17, pseudo-versions and +incompatible intact, the main module left out',
    { '/app/go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgolang.org/x/net v0.0.0-20211111083644-e5c967477495\n\t"github.com/quoted/mod" v1.0.0\n)\n\nrequire github.com/docker/distribution v2.7.1+incompatible // indirect\n' },
    ['github.com/docker/distribution@v2.7.1+incompatible', 'github.com/quoted/mod@v1.0.0', 'golang.org/x/net@v0.0.0-20211111083644-e5c967477495'],
  ],
  [
    'before Go 1.17: indirect requires skipped, go.sum supplies every other module (last version)',
    {
      '/m/go.mod': 'module example.com/m\ngo 1.15\nrequire (\n\tgithub.com/a/a v1.0.0\n\tgithub.com/b/b v1.1.0 // indirect\n)\n',
      '/m/go.sum': 'github.com/a/a v1.0.0 h1:x=\ngithub.com/b/b v1.0.0/go.mod h1:y=\ngithub.com/b/b v1.2.0/go.mod h1:z=\ngithub.com/c/c v0.1.0/go.mod h1:w=\n',
    },
    ['github.com/a/a@v1.0.0', 'github.com/b/b@v1.2.0', 'github.com/c/c@v0.1.0'],
  ],
  [
    'from Go 1.17 go.sum is not read',
    { '/m/go.mod': 'module m\ngo 1.17\nrequire github.com/a/a v1.0.0\n', '/m/go.sum': 'github.com/z/z v9.0.0 h1:x=\n' },
    ['github.com/a/a@v1.0.0'],
  ],
  [
    'replace: module replacement, version-matched and mismatched left sides, local directories dropped',
    {
      '/r/go.mod':
        'module r\ngo 1.20\nrequire (\n\tgithub.com/old/x v1.0.0\n\tgithub.com/keep/y v1.0.0\n\tgithub.com/local/z v1.0.0\n)\nreplace github.com/old/x => github.com/new/x v1.5.0\nreplace github.com/keep/y v0.9.0 => github.com/other/y v2.0.0\nreplace (\n\tgithub.com/local/z => ../z\n)\n',
    },
    ['github.com/keep/y@v1.0.0', 'github.com/new/x@v1.5.0'],
  ],
  ['comments, exclude and retract are read past', { '/c/go.mod': '// header\nmodule c // trailing\ngo 1.22\ntoolchain go1.22.5\nexclude github.com/a/a v1.0.0\nretract [v1.0.0, v1.0.1]\n' }, []],
] as const)('%s', async (_label, files, want) => {
  const facts = await analyzeFiles(goMod, files);
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
});

it.each([
  ['an unterminated block', 'module m\nrequire (\n\tgithub.com/a/a v1.0.0\n', 'unterminated require block'],
  ['a require without a version', 'module m\nrequire github.com/a/a\n', 'line 2: usage: require'],
  ['a bad go version', 'module m\ngo one\n', 'line 2: invalid go version'],
  ['an unterminated string', 'module "m\n', 'line 1: unterminated quoted string'],
  ['a replace without an arrow', 'module m\nreplace a v1 b v2\n', 'line 2: usage: replace'],
])('malformed go.mod (%s) is an unknown with the file and line', async (_label, text, reason) => {
  const facts = await analyzeFiles(goMod, { '/bad/go.mod': text });
  expect(packagesOf(facts)).toEqual([]);
  expect(unknownsOf(facts)).toEqual([{ path: '/bad/go.mod', reason: expect.stringContaining(reason) as string }]);
});

describeWithTestdata('go.mod fixtures (trivy integration repo, osv-scanner scan-source)', (root) => {
  const readDir = (dir: string, prefix: string): Record<string, Buffer> => {
    const out: Record<string, Buffer> = {};
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) out[`${prefix}/${path.relative(dir, path.join(entry.parentPath, entry.name))}`] = readFileSync(path.join(entry.parentPath, entry.name));
    }
    return out;
  };

  it('trivy repo/gomod: 18 modules of the Go 1.17 root, go.sum merged into the two Go 1.15 submodules (golden: docker/distribution in each)', async () => {
    const facts = await analyzeFiles(goMod, readDir(path.join(root, 'vulndb/trivy-integration/fixtures/repo/gomod'), '/p'));
    const byFile = (f: string): string[] => facts.flatMap((x) => (x.kind === 'package' && x.path === f ? [`${x.package.name}@${x.package.version}`] : []));
    expect(byFile('/p/go.mod')).toHaveLength(18);
    expect(byFile('/p/go.mod')).toEqual(expect.arrayContaining(['github.com/docker/distribution@v2.7.1+incompatible', 'github.com/open-policy-agent/opa@v0.35.0', 'golang.org/x/text@v0.3.6']));
    expect(byFile('/p/submod/go.mod')).toHaveLength(7);
    expect(byFile('/p/submod2/go.mod').sort()).toEqual([
      'github.com/davecgh/go-spew@v1.1.0',
      'github.com/docker/distribution@v2.7.1+incompatible',
      'github.com/pmezard/go-difflib@v1.0.0',
      'github.com/stretchr/objx@v0.1.0',
      'github.com/stretchr/testify@v1.7.0',
      'gopkg.in/check.v1@v0.0.0-20161208181325-20d25e280405',
      'gopkg.in/yaml.v3@v3.0.0-20200313102051-9f266ea9e77c',
    ]);
  });

  // osv-scanner's counts (__snapshots__/command_test.snap "Scanned … go.mod file and found N packages")
  // include a `stdlib` package taken from the `go` directive; Trivy reports stdlib from go.mod only with
  // --detection-priority comprehensive (the directive is a minimum, not the toolchain that built it),
  // and so does not Rampart: our count is theirs minus that one. replace-local.mod's one module is
  // replaced by a local directory: osv-scanner finds it and then filters it as local/unscannable.
  const cases = [
    ['go-project/go.mod', 1, 'stdlib only'],
    ['go-project/nested/go.mod', 1, 'stdlib only'],
    ['call-analysis-go-project/go.mod', 4, 'stdlib + 3 modules'],
    ['call-analysis-go-project-all-uncalled/go.mod', 2, 'stdlib + 1 module'],
    ['locks-many/replace-local.mod', 1, 'filtered as local by osv-scanner'],
  ] as const;
  let passed = 0;
  it.each(cases)('osv-scanner %s (snapshot: %i packages, %s)', async (file, osvCount) => {
    const text = readFileSync(path.join(root, 'vulndb/osv-scanner/scan-source/testdata', file));
    const facts = await analyzeFiles(goMod, { '/src/go.mod': text });
    expect(unknownsOf(facts)).toEqual([]);
    const expected = file.endsWith('replace-local.mod') ? 0 : osvCount - 1;
    expect(packagesOf(facts)).toHaveLength(expected);
    passed++;
  });
  it('prints the count', () => {
    console.log(`go.mod osv-scanner fixtures: ${passed}/${cases.length} match the snapshot's package counts (less the go-directive stdlib osv-scanner adds; replace-local: 0 after the local replacement)`);
    expect(passed).toBe(cases.length);
  });
});
