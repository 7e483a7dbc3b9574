import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openImage } from './open-image.js';
import { readImageFile } from './read-image-file.js';
import { squashFilesystem } from './squash-filesystem.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'rampart-dir-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dir: targets', () => {
  it('read a root filesystem as one pseudo-layer without following symlinks out', async () => {
    mkdirSync(path.join(root, 'etc'));
    writeFileSync(path.join(root, 'etc', 'os-release'), 'ID=debian\n');
    writeFileSync(path.join(root, 'bin-su'), 'x');
    chmodSync(path.join(root, 'bin-su'), 0o4755);
    linkSync(path.join(root, 'etc', 'os-release'), path.join(root, 'etc', 'hard'));
    symlinkSync('/etc/passwd', path.join(root, 'passwd-link'));
    symlinkSync('../../../etc/os-release', path.join(root, 'rel-link'));
    const image = await openImage(`dir:${root}`);
    expect(image.target).toBe(`dir:${root}`);
    expect(image.layers).toHaveLength(1);
    expect(image.imageId).toMatch(/^sha256:[a-f0-9]{64}$/);
    const files = await squashFilesystem(image);
    expect(files.get('/bin-su')?.entry.mode).toBe(0o4755);
    expect(files.get('/passwd-link')?.entry).toMatchObject({ kind: 'symlink', linkTarget: '/etc/passwd' });
    expect(files.get('/etc/os-release')?.entry.kind).toBe('hardlink');
    expect((await readImageFile(image, '/rel-link'))?.toString()).toBe('ID=debian\n');
    expect((await readImageFile(image, '/etc/hard'))?.toString()).toBe('ID=debian\n');
    expect(await readImageFile(image, '/passwd-link')).toBeUndefined();
    await image.close();
  });

  it('is detected without a scheme', async () => {
    const image = await openImage(root);
    expect(image.target).toBe(`dir:${root}`);
    await image.close();
  });
});
