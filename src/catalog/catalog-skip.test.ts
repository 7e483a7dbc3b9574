import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { FactCache } from './catalog-source.js';
import { catalogTarget } from './catalog-target.js';
import type { SkipPatterns } from './path-skipper.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'rampart-catalog-skip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An uncompressed layer tar of regular files (`.wh.` names are whiteouts to the image reader). */
async function makeTar(files: readonly { name: string; content: string }[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of p) chunks.push(chunk as Buffer);
  })();
  for (const f of files) {
    await new Promise<void>((resolve, reject) => p.entry({ name: f.name, mode: 0o644, mtime: new Date(0) }, f.content, (err) => (err ? reject(err) : resolve())));
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A one-image OCI layout of these uncompressed layers. */
function writeLayout(dir: string, layers: readonly { tar: Buffer }[]): string {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (bytes: Buffer): { digest: string; size: number } => {
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { digest, size: bytes.length };
  };
  const blobs = layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...put(l.tar) }));
  const config = put(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: blobs.map((b) => b.digest) } })));
  const manifest = put(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config }, layers: blobs })));
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }] }));
  return dir;
}

const goMod = (dep: string): string => `module m\ngo 1.21\nrequire ${dep} v1.0.0\n`;
const nodePkg = (name: string): string => JSON.stringify({ name, version: '1.0.0' });

// A project folder: three go.mod files, one per module.
const project = path.join(tmp, 'project');
for (const [rel, dep] of [['go.mod', 'github.com/root/a'], ['sub/go.mod', 'github.com/sub/b'], ['sub2/go.mod', 'github.com/sub2/c'], ['sub2/deep/go.mod', 'github.com/deep/d']] as const) {
  mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
  writeFileSync(path.join(project, rel), goMod(dep));
}

const names = (inv: { packages: readonly { name: string }[] }): string[] => inv.packages.map((p) => p.name).sort();
const all = ['github.com/deep/d', 'github.com/root/a', 'github.com/sub/b', 'github.com/sub2/c'];

describe('catalogTarget dir: with --skip-files / --skip-dirs', () => {
  it.each<{ name: string; skip: SkipPatterns; cwd: string; want: string[] }>([
    { name: 'no patterns', skip: {}, cwd: tmp, want: all },
    { name: 'a file relative to the folder', skip: { skipFiles: ['sub/go.mod'] }, cwd: '/', want: ['github.com/deep/d', 'github.com/root/a', 'github.com/sub2/c'] },
    { name: 'a file from the working directory into the folder', skip: { skipFiles: ['project/sub2/go.mod'] }, cwd: tmp, want: ['github.com/deep/d', 'github.com/root/a', 'github.com/sub/b'] },
    { name: 'a dir from the working directory: everything below it', skip: { skipDirs: ['project/sub2'] }, cwd: tmp, want: ['github.com/root/a', 'github.com/sub/b'] },
    { name: 'an absolute dir', skip: { skipDirs: [path.join(project, 'sub2')] }, cwd: '/', want: ['github.com/root/a', 'github.com/sub/b'] },
    { name: '**/go.mod skips every module', skip: { skipFiles: ['**/go.mod'] }, cwd: project, want: [] },
    { name: 'a sibling-prefixed name is not the dir', skip: { skipDirs: ['sub'] }, cwd: '/', want: ['github.com/deep/d', 'github.com/root/a', 'github.com/sub2/c'] },
    { name: 'an absolute path outside the folder matches nothing', skip: { skipFiles: [path.join(tmp, 'go.mod')] }, cwd: project, want: all },
  ])('$name', async ({ skip, cwd, want }) => {
    const inv = await catalogTarget(`dir:${project}`, { skip, cwd });
    expect(names(inv)).toEqual(want);
  });
});

function memoryCache(): FactCache {
  const map = new Map<string, unknown>();
  return { get: (diffId, key) => map.get(`${diffId}|${key}`), put: (diffId, key, value) => void map.set(`${diffId}|${key}`, JSON.parse(JSON.stringify(value))) };
}

describe('catalogTarget on an image with --skip-files / --skip-dirs', async () => {
  const layout = writeLayout(path.join(tmp, 'layout'), [
    {
      tar: await makeTar([
        { name: 'app/node_modules/left/package.json', content: nodePkg('left') },
        { name: 'app/node_modules/right/package.json', content: nodePkg('right') },
        { name: 'usr/lib/node_modules/npm/package.json', content: nodePkg('npm') },
        { name: 'usr/lib/node_modules/gone/package.json', content: nodePkg('gone') },
      ]),
    },
    // a whiteout under a skipped directory still removes the lower file
    { tar: await makeTar([{ name: 'usr/lib/node_modules/gone/.wh.package.json', content: '' }]) },
  ]);
  const target = `oci-dir:${layout}`;

  it.each<{ name: string; skip: SkipPatterns; want: string[] }>([
    { name: 'no patterns', skip: {}, want: ['left', 'npm', 'right'] },
    { name: 'an in-image file with its leading /', skip: { skipFiles: ['/app/node_modules/left/package.json'] }, want: ['npm', 'right'] },
    { name: 'an in-image file without it', skip: { skipFiles: ['app/node_modules/right/package.json'] }, want: ['left', 'npm'] },
    { name: '** over the image', skip: { skipFiles: ['**/npm/package.json'] }, want: ['left', 'right'] },
    { name: 'a dir: every file below it', skip: { skipDirs: ['/app'] }, want: ['npm'] },
    { name: 'a dir glob, the whiteout below it still applied', skip: { skipDirs: ['usr/lib/*'] }, want: ['left', 'right'] },
    { name: 'both flags', skip: { skipDirs: ['/usr/lib'], skipFiles: ['./app/node_modules/left/package.json'] }, want: ['right'] },
  ])('$name', async ({ skip, want }) => {
    expect(names(await catalogTarget(target, { skip }))).toEqual(want);
  });

  it('caches skipped and unskipped walks under different keys: neither answers for the other', async () => {
    const cache = memoryCache();
    const skip = { skipDirs: ['/app'] };
    expect(names(await catalogTarget(target, { cache, skip }))).toEqual(['npm']);
    expect(names(await catalogTarget(target, { cache }))).toEqual(['left', 'npm', 'right']);
    expect(names(await catalogTarget(target, { cache, skip }))).toEqual(['npm']);
    expect(names(await catalogTarget(target, { cache, skip: { skipDirs: ['/usr'] } }))).toEqual(['left', 'right']);
    expect(names(await catalogTarget(target, { cache }))).toEqual(['left', 'npm', 'right']);
  });
});
