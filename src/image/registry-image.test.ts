import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServices } from '../../test-support/services.js';
import { makeTar, writeLayout, writeMultiPlatformLayout } from './__fixtures__/build-test-image.js';
import type { OpenImageOptions } from './image-types.js';
import { openImage } from './open-image.js';
import { readImageFile } from './read-image-file.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-registry-test-'));
const suffix = randomBytes(4).toString('hex');

async function archFile(target: string, options: OpenImageOptions): Promise<string | undefined> {
  const image = await openImage(target, options);
  try {
    return (await readImageFile(image, '/arch'))?.toString();
  } finally {
    await image.close();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${url} did not come up`);
}

function push(layout: string, tag: string, dest: string, creds?: string): void {
  execFileSync('skopeo', ['copy', '--all', '--dest-tls-verify=false', ...(creds ? ['--dest-creds', creds] : []), `oci:${layout}:${tag}`, `docker://${dest}`], { stdio: 'pipe' });
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeWithServices('registry: targets against a real registry', ['registry'], ({ registry }) => {
  const repo = `${registry}/rampart-test-${suffix}/multi`;
  beforeAll(async () => {
    const layout = writeMultiPlatformLayout(path.join(scratch, 'multi'), [
      { platform: { os: 'linux', architecture: 'amd64' }, layers: [{ tar: await makeTar([{ name: 'arch', content: 'amd64' }]) }] },
      { platform: { os: 'linux', architecture: 'arm64' }, layers: [{ tar: await makeTar([{ name: 'arch', content: 'arm64' }]), compression: 'zstd' }] },
    ]);
    push(layout, 'multi', `${repo}:v1`);
  });

  it('picks the platform from a multi-arch index (default: the host)', async () => {
    expect(await archFile(`registry:${repo}:v1`, { insecure: true })).toBe('amd64');
    expect(await archFile(`registry:${repo}:v1`, { insecure: true, platform: 'linux/arm64' })).toBe('arm64');
  });

  it('reports the resolved reference, manifest digest and platform, and opens by digest', async () => {
    const image = await openImage(`registry:${repo}:v1`, { insecure: true, platform: 'linux/arm64' });
    expect(image.reference).toBe(`${repo}:v1`);
    expect(image.platform).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(image.layers[0]?.mediaType).toContain('zstd');
    const digest = image.digest!;
    await image.close();
    expect(await archFile(`registry:${repo}@${digest}`, { insecure: true })).toBe('arm64');
  });

  it.each([
    [`registry:${repo}:v1`, { insecure: true, platform: 'linux/s390x' }, 'PLATFORM_NOT_FOUND'],
    [`registry:${repo}:nope`, { insecure: true }, 'IMAGE_NOT_FOUND'],
    [`registry:${repo}:v1`, {}, 'REGISTRY_ERROR'], // HTTPS to a plain-HTTP registry without --insecure
  ] as const)('%s %j fails with %s', async (target, options, code) => {
    await expect(openImage(target, options)).rejects.toMatchObject({ code });
  });
});

describeWithServices('registry: authentication', ['registry'], ({ registry }) => {
  let child: ChildProcess | undefined;
  let tokenServer: Server | undefined;
  let basicHost = '';
  let bearerHost = '';
  const repo = `rampart-test-${suffix}/auth`;

  beforeAll(async () => {
    const layout = writeLayout(path.join(scratch, 'auth'), [{ tar: await makeTar([{ name: 'arch', content: 'amd64' }]) }]);
    // 1. a second docker-registry with htpasswd (Basic challenge)
    const port = await freePort();
    basicHost = `127.0.0.1:${port}`;
    const htpasswd = execFileSync('htpasswd', ['-Bbn', 'alice', 's3cret']).toString();
    writeFileSync(path.join(scratch, 'htpasswd'), htpasswd);
    writeFileSync(
      path.join(scratch, 'registry.yml'),
      `version: 0.1\nstorage: { filesystem: { rootdirectory: ${path.join(scratch, 'data')} } }\nhttp: { addr: ${basicHost} }\nauth: { htpasswd: { realm: rampart, path: ${path.join(scratch, 'htpasswd')} } }\n`,
    );
    child = spawn('docker-registry', ['serve', path.join(scratch, 'registry.yml')], { stdio: 'ignore' });
    await waitFor(`http://${basicHost}/v2/`);
    push(layout, 'test', `${basicHost}/${repo}:v1`, 'alice:s3cret');
    // 2. a token-auth front (Bearer challenge) for the shared registry
    push(layout, 'test', `${registry}/${repo}:v1`);
    tokenServer = createServer((req, res) => {
      void (async () => {
        if (req.url?.startsWith('/token')) {
          const ok = req.headers.authorization === `Basic ${Buffer.from('bob:hunter2').toString('base64')}`;
          res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? JSON.stringify({ token: 'tok-123' }) : '{}');
          return;
        }
        if (req.headers.authorization !== 'Bearer tok-123') {
          const realm = `http://${bearerHost}/token`;
          res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="test",scope="repository:${repo}:pull"` }).end();
          return;
        }
        const upstream = await fetch(`http://${registry}${req.url}`, { headers: { accept: req.headers.accept ?? '*/*' } });
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'docker-content-digest', 'content-length']) {
          const value = upstream.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
      })();
    });
    await new Promise<void>((resolve) => tokenServer!.listen(0, '127.0.0.1', resolve));
    bearerHost = `127.0.0.1:${(tokenServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    child?.kill('SIGTERM');
    if (tokenServer) await new Promise((resolve) => tokenServer!.close(resolve));
  });

  it('uses Basic credentials given as options', async () => {
    expect(await archFile(`registry:${basicHost}/${repo}:v1`, { insecure: true, username: 'alice', password: 's3cret' })).toBe('amd64');
  });

  it('reads credentials from $DOCKER_CONFIG/config.json', async () => {
    const dir = path.join(scratch, 'docker-config');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [basicHost]: { auth: Buffer.from('alice:s3cret').toString('base64') } } }));
    const previous = process.env['DOCKER_CONFIG'];
    process.env['DOCKER_CONFIG'] = dir;
    try {
      expect(await archFile(`registry:${basicHost}/${repo}:v1`, { insecure: true })).toBe('amd64');
    } finally {
      if (previous === undefined) delete process.env['DOCKER_CONFIG'];
      else process.env['DOCKER_CONFIG'] = previous;
    }
  });

  it('fetches a Bearer token from the challenge realm with the credentials', async () => {
    expect(await archFile(`registry:${bearerHost}/${repo}:v1`, { insecure: true, username: 'bob', password: 'hunter2' })).toBe('amd64');
  });

  it.each([
    ['basic, none', () => `registry:${basicHost}/${repo}:v1`, {}],
    ['basic, wrong', () => `registry:${basicHost}/${repo}:v1`, { username: 'alice', password: 'nope' }],
    ['bearer, wrong', () => `registry:${bearerHost}/${repo}:v1`, { username: 'bob', password: 'nope' }],
  ] as const)('refuses %s credentials with REGISTRY_AUTH_FAILED', async (_name, target, creds) => {
    const previous = process.env['DOCKER_CONFIG'];
    process.env['DOCKER_CONFIG'] = path.join(scratch, 'no-docker-config');
    try {
      await expect(openImage(target(), { insecure: true, ...creds })).rejects.toMatchObject({ code: 'REGISTRY_AUTH_FAILED' });
    } finally {
      if (previous === undefined) delete process.env['DOCKER_CONFIG'];
      else process.env['DOCKER_CONFIG'] = previous;
    }
  });
});
