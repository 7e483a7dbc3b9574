import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as z from 'zod/mini';
import { RampartError, isRampartError, parseSchema } from '../core/index.js';
import { openDockerArchive } from './docker-archive.js';
import type { ImageLimits, ReadableImage } from './image-types.js';
import { openTarBlobStore } from './tar-blob-store.js';

const imageInspectSchema = z.object({
  Id: z.string(),
  RepoTags: z.nullish(z.array(z.string())),
  RepoDigests: z.nullish(z.array(z.string())),
});

interface Endpoint {
  readonly socketPath?: string;
  readonly host?: string;
  readonly port?: number;
}

/** `unix:///var/run/docker.sock` or `tcp://127.0.0.1:2375` (plain HTTP, as the Engine API serves it without TLS). */
export function parseDockerHost(text: string): Endpoint {
  if (text.startsWith('unix://')) return { socketPath: text.slice('unix://'.length) };
  const tcp = /^(?:tcp|http):\/\/([^:/]+):(\d+)\/?$/.exec(text);
  if (tcp !== null) return { host: tcp[1] as string, port: Number(tcp[2]) };
  throw new RampartError('USAGE', `unsupported Docker host ${text} (use unix:///path or tcp://host:port)`);
}

function get(endpoint: Endpoint, apiPath: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ ...endpoint, path: apiPath, method: 'GET', headers: { Host: 'docker' } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > max) throw new RampartError('LIMIT_EXCEEDED', `Docker API response over ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Opens an image from the local Docker Engine over its API socket: inspects it, then streams
 * `GET /images/{name}/get` (a `docker save` archive) into a private temporary file, read as a
 * docker-archive and removed on close.
 */
export async function openDaemonImage(name: string, target: string, dockerHost: string, limits: ImageLimits): Promise<ReadableImage> {
  const endpoint = parseDockerHost(dockerHost);
  let inspect: IncomingMessage;
  try {
    inspect = await get(endpoint, `/images/${encodeURI(name)}/json`);
  } catch (error) {
    throw new RampartError('DAEMON_UNAVAILABLE', `cannot reach the Docker daemon at ${dockerHost}: ${(error as Error).message}`, { cause: error });
  }
  const body = await readBody(inspect, limits.maxManifestBytes);
  if (inspect.statusCode === 404) throw new RampartError('IMAGE_NOT_FOUND', `image ${name} is not in the Docker daemon at ${dockerHost}`);
  if (inspect.statusCode !== 200) {
    throw new RampartError('DAEMON_UNAVAILABLE', `Docker daemon answered ${inspect.statusCode} for ${name}: ${body.toString('utf8').slice(0, 200)}`);
  }
  const info = parseSchema(imageInspectSchema, JSON.parse(body.toString('utf8')));

  const dir = await mkdtemp(path.join(os.tmpdir(), 'rampart-daemon-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'image.tar');
    const exported = await get(endpoint, `/images/get?names=${encodeURIComponent(name)}`);
    if (exported.statusCode !== 200) {
      const text = (await readBody(exported, 64 * 1024)).toString('utf8');
      throw new RampartError('DAEMON_UNAVAILABLE', `Docker daemon could not export ${name} (${exported.statusCode}): ${text.slice(0, 200)}`);
    }
    let written = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _e, callback) {
        written += chunk.length;
        if (written > limits.maxDecompressedBytes) {
          callback(new RampartError('LIMIT_EXCEEDED', `export of ${name} exceeds ${limits.maxDecompressedBytes} bytes (maxDecompressedBytes)`));
          return;
        }
        callback(null, chunk);
      },
    });
    await pipeline(exported, limit, createWriteStream(file, { mode: 0o600 }));
    const store = await openTarBlobStore(file, limits.maxEntries, cleanup);
    const digest = info.RepoDigests?.[0]?.split('@')[1];
    const image = await openDockerArchive(store, { target, tag: undefined, limits }, () => store.close()).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    const reference = info.RepoTags?.[0] ?? image.reference;
    return { ...image, ...(reference === undefined ? {} : { reference }), ...(digest === undefined ? {} : { digest }) };
  } catch (error) {
    await cleanup();
    if (isRampartError(error)) throw error;
    throw new RampartError('DAEMON_UNAVAILABLE', `reading ${name} from the Docker daemon failed: ${(error as Error).message}`, { cause: error });
  }
}
