import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { makeTar, writeLayout } from './__fixtures__/build-test-image.js';
import type { LayerSpec } from './__fixtures__/build-test-image.js';
import type { LayerEntry, OpenImageOptions } from './image-types.js';
import { createLayerBudget } from './layer-budget.js';
import { defaultImageLimits } from './limits.js';
import { readLayerTar } from './layer-tar-reader.js';
import { openImage } from './open-image.js';
import { readImageFile } from './read-image-file.js';
import { squashFilesystem } from './squash-filesystem.js';
import { walkLayers } from './walk-layers.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-walk-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

async function imageOf(layers: LayerSpec[], options: OpenImageOptions = {}) {
  const dir = writeLayout(path.join(scratch, `img-${counter++}`), layers);
  return openImage(`oci-dir:${dir}`, options);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (e: unknown) => e);
}

async function entriesOf(layers: LayerSpec[]): Promise<LayerEntry[]> {
  const image = await imageOf(layers);
  const out: LayerEntry[] = [];
  await walkLayers(image, { entry: (e) => void out.push(e) });
  await image.close();
  return out;
}

describe('layer walker', () => {
  it.each(['gzip', 'zstd', 'none'] as const)('reads %s layers and verifies them', async (compression) => {
    const tar = await makeTar([{ name: 'etc/', type: 'directory' }, { name: 'etc/os-release', content: 'ID=test\n' }]);
    const entries = await entriesOf([{ tar, compression }]);
    expect(entries.map((e) => [e.path, e.kind])).toEqual([['/etc', 'dir'], ['/etc/os-release', 'file']]);
  });

  it('reports whiteouts and opaque markers as kinds and squashes them', async () => {
    const base = await makeTar([
      { name: 'a/one', content: '1' }, { name: 'a/two', content: '2' }, { name: 'b/keep', content: 'k' }, { name: 'c/gone', content: 'g' },
    ]);
    const upper = await makeTar([{ name: 'a/.wh..wh..opq' }, { name: 'a/new', content: 'n' }, { name: 'c/.wh.gone' }, { name: '.wh..wh.plnk/x' }]);
    const image = await imageOf([{ tar: base }, { tar: upper }]);
    const kinds: string[] = [];
    await walkLayers(image, { entry: (e) => void kinds.push(`${e.kind}:${e.path}`) });
    expect(kinds).toContain('opaque:/a');
    expect(kinds).toContain('whiteout:/c/gone');
    expect(kinds.some((k) => k.includes('.wh.'))).toBe(false);
    const files = await squashFilesystem(image);
    expect([...files.keys()].sort()).toEqual(['/a/new', '/b/keep']);
    expect(files.get('/a/new')?.layer.index).toBe(1);
    await image.close();
  });

  it('applies a whiteout to lower layers only, whatever its order in the layer', async () => {
    const base = await makeTar([{ name: 'x', content: 'old file' }, { name: 'y/', type: 'directory' }, { name: 'y/old', content: 'o' }]);
    const upper = await makeTar([{ name: 'x/', type: 'directory' }, { name: 'x/new', content: 'n' }, { name: '.wh.x' }, { name: 'y/new', content: 'n' }, { name: '.wh.y' }]);
    const image = await imageOf([{ tar: base }, { tar: upper }]);
    const files = await squashFilesystem(image);
    expect([...files.keys()].sort()).toEqual(['/x', '/x/new', '/y/new']);
    expect(files.get('/x')?.entry.kind).toBe('dir');
    await image.close();
  });

  it('takes absolute names relative to the root', async () => {
    const entries = await entriesOf([{ tar: await makeTar([{ name: '/etc/passwd', content: 'root:x:0:0::/:/bin/sh\n' }]) }]);
    expect(entries[0]?.path).toBe('/etc/passwd');
  });

  it('keeps setuid bits in mode', async () => {
    const entries = await entriesOf([{ tar: await makeTar([{ name: 'bin/su', content: 'x', mode: 0o4755 }]) }]);
    expect(entries[0]?.mode).toBe(0o4755);
  });

  it('rejects a name that climbs out with ../ (UNSAFE_PATH, exit 2)', async () => {
    const image = await imageOf([{ tar: await makeTar([{ name: 'ok', content: '1' }, { name: '../../etc/evil', content: 'x' }]) }]);
    const error = await failure(walkLayers(image, { entry: () => undefined }));
    expect(isRampartError(error, 'UNSAFE_PATH') && error.exitCode).toBe(2);
    await image.close();
  });

  it('rejects a hardlink that escapes the root', async () => {
    const image = await imageOf([{ tar: await makeTar([{ name: 'link', type: 'link', linkname: '../../../etc/shadow' }]) }]);
    expect(await failure(squashFilesystem(image))).toMatchObject({ code: 'UNSAFE_PATH' });
    await image.close();
  });

  it('resolves symlinks inside the image root only, like a chroot', async () => {
    const image = await imageOf([
      {
        tar: await makeTar([
          { name: 'etc/', type: 'directory' },
          { name: 'etc/hostname', content: 'image-hostname\n' },
          { name: 'escape', type: 'symlink', linkname: '../../../../../etc/hostname' },
          { name: 'abs', type: 'symlink', linkname: '/etc/hostname' },
          { name: 'dirlink', type: 'symlink', linkname: '../../etc' },
          { name: 'hard', type: 'link', linkname: '/etc/hostname' },
          { name: 'loop', type: 'symlink', linkname: 'loop' },
          { name: 'hostpasswd', type: 'symlink', linkname: '/etc/passwd' },
        ]),
      },
    ]);
    for (const p of ['/escape', '/abs', '/dirlink/hostname', '/hard']) {
      expect((await readImageFile(image, p))?.toString(), p).toBe('image-hostname\n');
    }
    expect(await readImageFile(image, '/loop')).toBeUndefined();
    // /etc/passwd exists on the host but not in the image
    expect(readFileSync('/etc/passwd').length).toBeGreaterThan(0);
    expect(await readImageFile(image, '/hostpasswd')).toBeUndefined();
    await image.close();
  });

  it('stops a gzip bomb at maxDecompressedBytes', async () => {
    const tar = await makeTar([{ name: 'zeros', content: Buffer.alloc(32 * 1024 * 1024) }]);
    const image = await imageOf([{ tar }], { limits: { maxDecompressedBytes: 4 * 1024 * 1024 } });
    expect(image.layers[0]!.size).toBeLessThan(200 * 1024);
    expect(await failure(walkLayers(image, { entry: () => undefined }))).toMatchObject({ code: 'LIMIT_EXCEEDED', detail: { limit: 'maxDecompressedBytes' } });
    await image.close();
  });

  it('enforces maxEntries', async () => {
    const tar = await makeTar(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, content: 'x' })));
    const image = await imageOf([{ tar }], { limits: { maxEntries: 10 } });
    expect(await failure(walkLayers(image, { entry: () => undefined }))).toMatchObject({ code: 'LIMIT_EXCEEDED', detail: { limit: 'maxEntries' } });
    await image.close();
  });

  it('rejects a 10k-deep path against maxPathLength', async () => {
    const deep = `${Array.from({ length: 10_000 }, () => 'd').join('/')}/file`;
    const image = await imageOf([{ tar: await makeTar([{ name: deep, content: 'x' }]) }]);
    expect(await failure(walkLayers(image, { entry: () => undefined }))).toMatchObject({ code: 'LIMIT_EXCEEDED', detail: { limit: 'maxPathLength' } });
    await image.close();
  });

  it.each(['gzip', 'zstd'] as const)('names the blob and the offset of a truncated %s layer', async (compression) => {
    const tar = await makeTar([{ name: 'big', content: Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251)) }]);
    const image = await imageOf([{ tar, compression, mangle: (b) => b.subarray(0, Math.floor(b.length / 2)) }]);
    const error = await failure(walkLayers(image, { entry: () => undefined }));
    expect(error).toMatchObject({ code: 'BAD_ARCHIVE' });
    const message = (error as Error).message;
    expect(message).toContain(image.layers[0]!.digest);
    expect(message).toMatch(/compressed offset \d+/);
    await image.close();
  });

  it('fails on a wrong diffID (DIGEST_MISMATCH)', async () => {
    const tar = await makeTar([{ name: 'a', content: 'a' }]);
    const image = await imageOf([{ tar, diffId: `sha256:${'0'.repeat(64)}` }]);
    expect(await failure(walkLayers(image, { entry: () => undefined }))).toMatchObject({ code: 'DIGEST_MISMATCH' });
    await image.close();
  });

  it('fails on a blob whose bytes do not match its digest', async () => {
    const tar = await makeTar([{ name: 'a', content: 'a' }]);
    const image = await imageOf([{ tar, compression: 'none', mangle: (b) => Buffer.concat([b, Buffer.alloc(512)]) }]);
    expect(await failure(walkLayers(image, { entry: () => undefined }))).toMatchObject({ code: 'DIGEST_MISMATCH' });
    await image.close();
  });

  it('skips layers the visitor declines and reads content only on demand', async () => {
    const image = await imageOf([{ tar: await makeTar([{ name: 'a', content: 'A' }]) }, { tar: await makeTar([{ name: 'b', content: 'B' }]) }]);
    const seen: string[] = [];
    await walkLayers(image, {
      layer: (layer) => layer.index === 1,
      async entry(entry, layer, content) {
        seen.push(`${layer.index}:${entry.path}:${(await content()).toString()}`);
      },
    });
    expect(seen).toEqual(['1:/b:B']);
    expect(image.layers.map((l) => l.createdBy)).toEqual(['step 0', 'step 1']);
    await image.close();
  });
});

describeWithTestdata('zstd against the plain tar (crane content.tar / content.tar.zst)', (root) => {
  it('gives the same entries and bytes', async () => {
    const read = async (file: string) => {
      const out: string[] = [];
      const { createReadStream } = await import('node:fs');
      const { sha256Of } = await import('./stored-image.js');
      const plain = readFileSync(path.join(root, 'images/go-containerregistry/crane/testdata/content.tar'));
      const layer = { index: 0, diffId: sha256Of(plain), digest: 'sha256:x', size: 0, mediaType: 'x' };
      await readLayerTar({ stream: createReadStream(file), source: file, verifyDigest: false }, layer, createLayerBudget(defaultImageLimits), async (e, c) => {
        out.push(`${e.path}:${e.kind}:${(await c()).toString('hex')}`);
      });
      return out;
    };
    const dir = path.join(root, 'images/go-containerregistry/crane/testdata');
    const zst = await read(path.join(dir, 'content.tar.zst'));
    expect(zst.length).toBeGreaterThan(1);
    expect(zst).toEqual(await read(path.join(dir, 'content.tar')));
  });
});
