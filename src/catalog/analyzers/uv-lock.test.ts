import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, unknownsOf } from '../analyze-file.js';
import { parseUvLock, uvLock } from './uv-lock.js';

const workspace = `version = 1
requires-python = ">=3.11"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [{ name = "httpx" }]

[package.optional-dependencies]
socks = [{ name = "socksio" }]

[package.dev-dependencies]
dev = [{ name = "pytest" }]

[[package]]
name = "httpx"
version = "0.27.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "idna" }]

[[package]]
name = "idna"
version = "3.7"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "socksio"
version = "1.0.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pytest"
version = "8.0.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "idna" }, { name = "pluggy" }]

[[package]]
name = "pluggy"
version = "1.5.0"
source = { registry = "https://pypi.org/simple" }
`;
const noRoot = `version = 1
[[package]]
name = "idna"
version = "3.7"
source = { registry = "https://pypi.org/simple" }
`;
const show = (text: string) => {
  const r = parseUvLock(text);
  return r.ok ? [...r.packages.map((p) => `${p.name}@${p.version}${p.dev ? ' (dev)' : ''}`), ...(r.notes ?? [])] : [`error: ${r.reason.split(':')[0] ?? ''}`];
};

it.each([
  [
    'workspace root: dependencies and extras are production, dev-dependencies only dev',
    workspace,
    ['app@0.1.0', 'httpx@0.27.0', 'idna@3.7', 'socksio@1.0.0', 'pytest@8.0.0 (dev)', 'pluggy@1.5.0 (dev)'],
  ],
  ['no workspace member: nothing can be told dev', noRoot, ['idna@3.7']],
  ['a registry package without a version is noted', 'version = 1\n[[package]]\nname = "x"\nsource = { registry = "r" }\n', ['package x has no version: not inventoried']],
  ['not TOML', '[[package]\n', ['error: invalid TOML']],
  ['wrong shape', 'package = 3\n', ['error: not a uv.lock']],
] as const)('%s', (_label, text, want) => {
  expect(show(text)).toEqual(want);
});

it('analyzer: malformed uv.lock is an unknown with its path', async () => {
  expect(unknownsOf(await analyzeFile(uvLock, '/app/uv.lock', Buffer.from('version = ')))).toEqual([{ path: '/app/uv.lock', reason: expect.stringMatching(/^uv\.lock: invalid TOML/) as unknown }]);
});

describeWithTestdata('uv.lock: trivy and osv-scanner fixtures', (root) => {
  it('trivy repo/uv: the golden’s 4 packages (the virtual root uv-test included, as trivy lists it)', () => {
    expect(show(readFileSync(path.join(root, 'vulndb/trivy-integration/fixtures/repo/uv/uv.lock'), 'utf8'))).toEqual(['click@8.1.3', 'colorama@0.4.6', 'uv-test@0.1.0', 'werkzeug@0.11.1']);
  });
  it('osv-scanner locks-scalibr/uv.lock: its 2 packages plus the project root (osv-scanner leaves the root out)', () => {
    expect(show(readFileSync(path.join(root, 'vulndb/osv-scanner/scan-source/testdata/locks-scalibr/uv.lock'), 'utf8'))).toEqual(['emoji@2.14.0', 'protobuf@4.25.5', 'uv-lockfiles@0.1.0']);
  });
});
