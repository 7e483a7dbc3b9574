import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServices } from '../../test-support/services.js';
import { makeTar } from './__fixtures__/build-test-image.js';
import { openImage } from './open-image.js';
import { readImageFile } from './read-image-file.js';
import { squashFilesystem } from './squash-filesystem.js';

describeWithServices('docker: targets through the Engine API', ['docker'], ({ docker }) => {
  const tag = `127.0.0.1:5000/rampart-test/daemon-${randomBytes(4).toString('hex')}:v1`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-daemon-test-'));

  beforeAll(async () => {
    const tar = await makeTar([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/os-release', content: 'ID=rampart-test\n' },
      { name: 'bin/', type: 'directory' },
      { name: 'bin/tool', content: '#!/bin/sh\n', mode: 0o4755 },
    ]);
    writeFileSync(path.join(scratch, 'root.tar'), tar);
    execFileSync('docker', ['-H', docker, 'import', '--change', 'USER nobody', path.join(scratch, 'root.tar'), tag], { stdio: 'pipe' });
  });

  afterAll(() => {
    execFileSync('docker', ['-H', docker, 'rmi', '-f', tag], { stdio: 'pipe' });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('exports an image from the daemon and reads it', async () => {
    const image = await openImage(`docker:${tag}`, { dockerHost: docker });
    try {
      expect(image.target).toBe(`docker:${tag}`);
      expect(image.reference).toBe(tag);
      expect(image.config.config?.User).toBe('nobody');
      const files = await squashFilesystem(image);
      expect(files.get('/bin/tool')?.entry.mode).toBe(0o4755);
      expect((await readImageFile(image, '/etc/os-release'))?.toString()).toBe('ID=rampart-test\n');
    } finally {
      await image.close();
    }
  });

  it('finds a bare name in the daemon first', async () => {
    const image = await openImage(tag, { dockerHost: docker });
    expect(image.target).toBe(`docker:${tag}`);
    await image.close();
  });

  it.each([
    [`docker:${tag}-missing`, docker, 'IMAGE_NOT_FOUND'],
    [`docker:${tag}`, 'unix:///nonexistent/docker.sock', 'DAEMON_UNAVAILABLE'],
  ])('%s via %s fails with %s', async (target, host, code) => {
    await expect(openImage(target, { dockerHost: host })).rejects.toMatchObject({ code });
  });
});
