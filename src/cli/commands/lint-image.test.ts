import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliIo } from '../io.js';

function captureIo(cwd: string): CliIo & { out: () => string } {
  let out = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {}, cwd, out: () => out };
}

describe('rampart lint on an image (dir: root filesystem through image access)', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rampart-lint-rootfs-'));
    for (const dir of ['bin', 'usr/bin', 'usr/sbin', 'tmp', 'var/tmp', 'etc']) await mkdir(path.join(root, dir), { recursive: true });
    await writeFile(path.join(root, 'bin/dash'), '');
    await chmod(path.join(root, 'bin/dash'), 0o755);
    await symlink('dash', path.join(root, 'bin/sh'));
    await writeFile(path.join(root, 'usr/bin/apt-get'), '');
    await writeFile(path.join(root, 'usr/bin/curl'), '');
    await writeFile(path.join(root, 'usr/bin/passwd'), '');
    await chmod(path.join(root, 'usr/bin/passwd'), 0o4755);
    await writeFile(path.join(root, 'usr/bin/app'), '');
    await chmod(path.join(root, 'tmp'), 0o777);
    await chmod(path.join(root, 'var/tmp'), 0o1777);
  });

  it('reports shells, package managers, tools, setuid files and world-writable directories with their paths', async () => {
    const io = captureIo(root);
    const code = await main(['lint', 'dir:.', '-f', 'json', '--fail-on', 'low'], { io });
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as { findings: { checkId: string; location: { path?: string; layer?: string } }[] };
    const by = (id: string) => report.findings.filter((f) => f.checkId === id).map((f) => f.location.path).sort();
    expect(by('image/no-shell')).toEqual(['/bin/dash', '/bin/sh']);
    expect(by('image/no-package-manager')).toEqual(['/usr/bin/apt-get']);
    expect(by('image/no-debug-tools')).toEqual(['/usr/bin/curl']);
    expect(by('image/setuid-files')).toEqual(['/usr/bin/passwd']);
    expect(by('image/world-writable-dirs')).toEqual(['/tmp']);
    expect(by('runtime/non-root-user')).toHaveLength(1);
    expect(report.findings.find((f) => f.checkId === 'image/setuid-files')?.location.layer).toMatch(/^sha256:/);
  });
});
