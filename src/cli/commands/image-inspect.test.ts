import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd: process.cwd(), out: () => out, err: () => err };
}

describeWithTestdata('rampart image inspect', (root) => {
  const alpine = path.join(root, 'images/trivy-fanal-testdata/alpine-310.tar.gz');

  it('prints config, history and layers as a table', async () => {
    const io = captureIo();
    expect(await main(['image', 'inspect', alpine], { io })).toBe(0);
    expect(io.out()).toContain(`Target:      docker-archive:${alpine}`);
    expect(io.out()).toContain('Reference:   alpine:3.10');
    expect(io.out()).toMatch(/Image ID:\s+sha256:af341ccd/);
    expect(io.out()).not.toContain('Files:');
  });

  it('lists the squashed files with modes, layers and link targets in JSON', async () => {
    const io = captureIo();
    expect(await main(['--format', 'json', 'image', 'inspect', '--files', alpine], { io })).toBe(0);
    const doc = JSON.parse(io.out()) as { platform: string; config: { env: string[] }; layers: unknown[]; files: { path: string; mode: string; linkTarget?: string; layer: number }[] };
    expect(doc.platform).toBe('linux/amd64');
    expect(doc.config.env).toEqual(['PATH']);
    expect(doc.layers).toHaveLength(1);
    expect(doc.files.find((f) => f.path === '/bin/sh')).toMatchObject({ linkTarget: '/bin/busybox', layer: 0 });
    expect(doc.files.find((f) => f.path === '/bin/busybox')?.mode).toBe('00755');
  });

  it.each([
    ['trivy-fanal-testdata/test_bad_index_json.oci', /not valid JSON/],
    ['go-containerregistry/v1/tarball/testdata/null_manifest.tar', /manifest\.json is invalid/],
  ])('exits 2 on %s naming the problem', async (fixture, message) => {
    const io = captureIo();
    expect(await main(['image', 'inspect', path.join(root, 'images', fixture)], { io })).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });
});

describe('rampart image inspect usage', () => {
  it('rejects an unsupported --format with exit 2', async () => {
    const io = captureIo();
    expect(await main(['--format', 'sarif', 'image', 'inspect', '/'], { io })).toBe(2);
  });
});
