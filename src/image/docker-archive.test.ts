import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { makeTar, sha } from './__fixtures__/build-test-image.js';
import { selectDockerImage } from './docker-archive.js';
import { dockerManifestSchema, imageConfigSchema, parseDocument } from './image-schemas.js';
import { openImage } from './open-image.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-docker-archive-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

describeWithTestdata('docker manifest.json and config variants (stereoscope fixtures)', (root) => {
  const dir = path.join(root, 'images/stereoscope/docker/testdata');
  const read = (name: string) => readFileSync(path.join(dir, name));
  it('selects images of a multi-image manifest by tag', () => {
    const entries = parseDocument(read('valid-multi-manifest-with-tags.json'), dockerManifestSchema, 'manifest.json', {});
    expect(entries).toHaveLength(2);
    expect(selectDockerImage(entries, 'anchore/anchore-engine:v0.8.2', 'x.tar').entry.Config).toMatch(/^258fc3fa/);
    expect(selectDockerImage(entries, 'docker.io/anchore/anchore-engine', 'x.tar').entry.Config).toMatch(/^881a352c/);
    expect(isRampartError(thrown(() => selectDockerImage(entries, undefined, 'x.tar')), 'BAD_REFERENCE')).toBe(true);
  });
  it.each(['single-blank-manifest.json', 'no-descriptors.json', 'empty-file'])('rejects %s as BAD_ARCHIVE', (name) => {
    expect(isRampartError(thrown(() => parseDocument(read(name), dockerManifestSchema, 'manifest.json', {})), 'BAD_ARCHIVE')).toBe(true);
  });
  it('validates a real engine config', () => {
    const config = parseDocument(read('engine-config.json'), imageConfigSchema, 'config', {});
    expect(config.config?.User).toBe('anchore:anchore');
    expect(config.rootfs.diff_ids.length).toBeGreaterThan(0);
  });
});

describe('hostile docker archives', () => {
  async function archive(name: string, manifest: unknown, extra: { name: string; content: string | Buffer }[] = []): Promise<string> {
    const file = path.join(scratch, name);
    writeFileSync(file, await makeTar([{ name: 'manifest.json', content: JSON.stringify(manifest) }, ...extra]));
    return file;
  }

  it('only looks layer names up inside the archive (../ names find nothing)', async () => {
    const layer = await makeTar([{ name: 'a', content: 'a' }]);
    const config = JSON.stringify({ rootfs: { type: 'layers', diff_ids: [sha(layer)] } });
    const file = await archive('climb.tar', [{ Config: 'c.json', Layers: ['../../../../etc/passwd'] }], [{ name: 'c.json', content: config }]);
    await expect(openImage(`docker-archive:${file}`)).rejects.toMatchObject({ code: 'BAD_ARCHIVE' });
  });

  it('refuses a config over maxManifestBytes', async () => {
    const file = await archive('big.tar', [{ Config: 'c.json', Layers: [] }], [{ name: 'c.json', content: Buffer.alloc(4096, 0x20) }]);
    await expect(openImage(`docker-archive:${file}`, { limits: { maxManifestBytes: 1024 } })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('refuses a layer count that differs from the config diff_ids', async () => {
    const layer = await makeTar([{ name: 'a', content: 'a' }]);
    const config = JSON.stringify({ rootfs: { type: 'layers', diff_ids: [] } });
    const file = await archive('count.tar', [{ Config: 'c.json', Layers: ['l.tar'] }], [{ name: 'c.json', content: config }, { name: 'l.tar', content: layer }]);
    await expect(openImage(`docker-archive:${file}`)).rejects.toMatchObject({ code: 'BAD_ARCHIVE' });
  });

  it('rejects a truncated outer archive naming the offset', async () => {
    const good = await makeTar([{ name: 'manifest.json', content: 'x'.repeat(5000) }]);
    const file = path.join(scratch, 'trunc.tar');
    writeFileSync(file, good.subarray(0, 2048));
    const error = await openImage(`docker-archive:${file}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_ARCHIVE' });
    expect((error as Error).message).toMatch(/offset \d+/);
  });
});
