// Builds small OCI image layouts for tests (hostile archives included). Test-only code.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import type { Header } from 'tar-stream';

export interface TarSpec {
  name: string;
  type?: Header['type'];
  linkname?: string;
  content?: string | Buffer;
  mode?: number;
}

export async function makeTar(entries: readonly TarSpec[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of p) chunks.push(chunk as Buffer);
  })();
  for (const e of entries) {
    const body = e.content === undefined ? undefined : Buffer.from(e.content);
    const header: Partial<Header> & { name: string } = { name: e.name, type: e.type ?? 'file', mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644), uid: 0, gid: 0, mtime: new Date(0) };
    if (e.linkname !== undefined) header.linkname = e.linkname;
    if (body !== undefined) header.size = body.length;
    await new Promise<void>((resolve, reject) => {
      p.entry(header as Header, body ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve()));
    });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

export const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface LayerSpec {
  tar: Buffer;
  compression?: 'gzip' | 'zstd' | 'none';
  /** Replace the stored blob bytes (after compression), e.g. to truncate them. */
  mangle?: (blob: Buffer) => Buffer;
  /** Use this diffID in the config instead of the real one. */
  diffId?: string;
}

function putBlob(dir: string, bytes: Buffer): string {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const digest = sha(bytes);
  writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
  return digest;
}

/** Writes an OCI layout directory with one image made of `layers`; returns the directory. */
export function writeLayout(dir: string, layers: readonly LayerSpec[], config: Record<string, unknown> = {}): string {
  const manifest = writeImage(dir, layers, config);
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': 'test' } }] }),
  );
  return dir;
}

/** Writes a layout whose tag `multi` is an image index with one image per platform. */
export function writeMultiPlatformLayout(dir: string, images: readonly { platform: { os: string; architecture: string }; layers: LayerSpec[] }[]): string {
  const manifests = images.map((image) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    ...writeImage(dir, image.layers, { architecture: image.platform.architecture, os: image.platform.os }),
    platform: image.platform,
  }));
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
  const digest = putBlob(dir, index);
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: index.length, annotations: { 'org.opencontainers.image.ref.name': 'multi' } }] }),
  );
  return dir;
}

/** Writes one image's blobs (layers, config, manifest); returns the manifest's digest and size. */
export function writeImage(dir: string, layers: readonly LayerSpec[], config: Record<string, unknown> = {}): { digest: string; size: number } {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (bytes: Buffer): string => putBlob(dir, bytes);
  const descriptors = layers.map((layer) => {
    const compression = layer.compression ?? 'gzip';
    let blob = compression === 'gzip' ? gzipSync(layer.tar) : compression === 'zstd' ? execFileSync('zstd', ['-q', '-c'], { input: layer.tar }) : layer.tar;
    const digest = sha(blob);
    if (layer.mangle) blob = layer.mangle(blob);
    writeFileSync(path.join(dir, 'blobs', 'sha256', digest.slice(7)), blob);
    const mediaType = `application/vnd.oci.image.layer.v1.tar${compression === 'none' ? '' : `+${compression}`}`;
    return { mediaType, digest, size: blob.length };
  });
  const configBytes = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: 'app', Env: ['PATH=/usr/bin', 'SECRET=x'], Entrypoint: ['/bin/app'] },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId ?? sha(l.tar)) },
      history: layers.map((_, i) => ({ created_by: `step ${i}` })),
      ...config,
    }),
  );
  const configDigest = put(configBytes);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: configBytes.length },
      layers: descriptors,
    }),
  );
  return { digest: put(manifest), size: manifest.length };
}
