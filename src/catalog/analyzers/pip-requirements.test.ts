import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { getVersionScheme } from '../../versioning/index.js';
import { analyzeFile, packagesOf, unknownsOf } from '../analyze-file.js';
import { parseRequirements, pipRequirements } from './pip-requirements.js';

const parse = (text: string | Buffer) => parseRequirements(Buffer.isBuffer(text) ? text : Buffer.from(text), getVersionScheme('pep440').isValid);

it.each([
  ['exact pins, names as written', 'Flask==2.0.0\nWerkzeug == 0.11\n', ['Flask@2.0.0', 'Werkzeug@0.11'], 0],
  ['arbitrary equality', 'legacy===1.0-foo\n', ['legacy@1.0-foo'], 0],
  ['comments and blank lines', '# top\n\nrequests==2.31.0  # pinned for CVE\n   \n', ['requests@2.31.0'], 0],
  ['extras', 'requests[socks,security]==2.20.0\n', ['requests@2.20.0'], 0],
  ['environment markers', 'pywin32==306; sys_platform == "win32"\n', ['pywin32@306'], 0],
  ['hashes and line continuations', 'six==1.16.0 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\nidna==3.4 --hash=sha256:ccc\n', ['six@1.16.0', 'idna@3.4'], 0],
  ['pin with an upper bound', 'django==3.2.1,<4\n', ['django@3.2.1'], 0],
  ['ranges and bare names are not pins', 'MarkupSafe>2.0.0\nflask\nnumpy~=1.24\n', [], 3],
  ['wildcard is not a pin', 'attrs==22.*\n', [], 1],
  ['url and path requirements are not pins', 'pkg @ https://example.com/pkg-1.0.tar.gz\n./local\n-e git+https://github.com/a/b#egg=b\n', [], 3],
  ['an invalid PEP 440 pin is not inventoried', 'tool==${VERSION}\n', [], 1],
  ['options are skipped', '--index-url https://pypi.org/simple\n-c constraints.txt\n--require-hashes\nidna==3.4\n', ['idna@3.4'], 0],
  ['UTF-8 byte order mark', '\uFEFFclick==8.0.0\n', ['click@8.0.0'], 0],
] as const)('%s', (_label, text, want, unpinned) => {
  const r = parse(text);
  expect(r.packages.map((p) => `${p.name}@${p.version}`)).toEqual(want);
  expect(r.unpinned).toHaveLength(unpinned);
});

it('reads UTF-16LE files with a byte order mark (Windows editors)', () => {
  const r = parse(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('click==8.0.0\r\nidna==3.4\r\n', 'utf16le')]));
  expect(r.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['click@8.0.0', 'idna@3.4']);
});

it('reads UTF-16BE files, even with an odd trailing byte', () => {
  const be = Buffer.from('click==8.0.0\n', 'utf16le').swap16();
  expect(parse(Buffer.concat([Buffer.from([0xfe, 0xff]), be, Buffer.from([0x41])])).packages.map((p) => p.name)).toEqual(['click']);
});

it('records -r includes with their line', () => {
  expect(parse('-r base.txt\n--requirement=dev-requirements.txt\nx==1\n').includes).toEqual([
    { file: 'base.txt', line: 1 },
    { file: 'dev-requirements.txt', line: 2 },
  ]);
});

it.each([
  ['an included requirements file present in the tree is read on its own: no note', '-r requirements-base.txt\n', [], 0],
  ['an include that is not a *requirements*.txt file is noted', '-r base.in\n', ['-r base.in (line 1) not followed: only *requirements*.txt files are read'], 0],
  ['an include outside the tree is noted', '-r ../../../elsewhere/requirements.txt\n', ['-r ../../../elsewhere/requirements.txt (line 1) not followed: it is outside the scanned tree'], 0],
  ['a missing include is noted', '-r requirements-missing.txt\n', ['-r requirements-missing.txt (line 1) not followed: it is not in the scanned tree'], 0],
] as const)('analyzer: %s', async (_label, text, notes, pkgs) => {
  const companions = new Map([['/app/requirements-base.txt', Buffer.from('flask==1.0\n')]]);
  const facts = await analyzeFile(pipRequirements, '/app/requirements.txt', Buffer.from(text), 0o644, companions);
  expect(unknownsOf(facts).map((u) => u.reason.replace(/^requirements: /, ''))).toEqual(notes);
  expect(packagesOf(facts)).toHaveLength(pkgs);
});

it('analyzer: unpinned lines become one unknown naming them, pinned ones packages (type pypi)', async () => {
  const facts = await analyzeFile(pipRequirements, '/app/requirements-dev.txt', Buffer.from('Werkzeug==0.11\nMarkupSafe>2.0.0\n'));
  expect(packagesOf(facts)).toEqual([{ type: 'pypi', name: 'Werkzeug', version: '0.11', licenses: [] }]);
  expect(unknownsOf(facts)).toEqual([{ path: '/app/requirements-dev.txt', reason: expect.stringContaining('MarkupSafe>2.0.0 (line 2)') as unknown }]);
});

it.each([
  ['/app/requirements.txt', true],
  ['/app/requirements-dev.txt', true],
  ['/app/my-requirements.txt', true],
  ['/app/requirements.prod.txt', true],
  ['/app/requirements.in', false],
  ['/venv/lib/python3.11/site-packages/pkg/requirements.txt', false],
  ['/app/node_modules/x/requirements.txt', false],
] as const)('required(%s) = %s', (at, want) => {
  expect(pipRequirements.required(at)).toBe(want);
});

// osv-scanner's requirements fixtures; its snapshot gives the package count per file.
const osvCounts: Readonly<Record<string, number>> = {
  'my-requirements.txt': 1,
  'requirements-dev.txt': 1,
  // osv-scanner follows `-r requirements.txt` into this file's count (1 + 3); here the included file
  // is inventoried on its own, so its 3 packages are counted there, not twice.
  'requirements-transitive.txt': 1,
  'requirements.prod.txt': 1,
  'requirements.txt': 3,
  'the_requirements_for_test.txt': 1,
  'unresolvable-requirements.txt': 3,
};

describeWithTestdata('pip requirements: osv-scanner fixtures and trivy integration fixture', (root) => {
  const dir = path.join(root, 'vulndb/osv-scanner/scan-source/testdata/locks-requirements');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  let pass = 0;
  it.each(files)('%s', (file) => {
    expect(parse(readFileSync(path.join(dir, file))).packages).toHaveLength(osvCounts[file] ?? -1);
    pass++;
  });
  it('trivy repo/pip fixture: the 7 packages of its golden', () => {
    const r = parse(readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/pip/requirements.txt')));
    expect(r.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual(['Flask@2.0.0', 'Jinja2@3.0.0', 'Werkzeug@0.11', 'click@8.0.0', 'itsdangerous@2.0.0', 'oauth2-client@4.0.0', 'python-gitlab@2.0.0']);
    console.log(`requirements fixtures (osv-scanner locks-requirements): ${pass}/${files.length} package counts as expected (requirements-transitive: -r counted in the included file)`);
  });
});
