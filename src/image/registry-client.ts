import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { RampartError } from '../core/index.js';
import type { RegistryCredentials } from './docker-credentials.js';
import { sha256Of } from './stored-image.js';

export const manifestMediaTypes = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

export interface RegistryClientOptions {
  readonly registry: string;
  readonly repository: string;
  /** Plain HTTP (only for registries the user names with --insecure). */
  readonly insecure: boolean;
  readonly credentials: RegistryCredentials | undefined;
  readonly maxManifestBytes: number;
  readonly attempts?: number;
}

export interface FetchedManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
}

export interface RegistryClient {
  getManifest(reference: string): Promise<FetchedManifest>;
  getBlob(digest: string, max: number): Promise<Buffer>;
  openBlob(digest: string): Promise<Readable>;
}

interface Challenge {
  readonly scheme: string;
  readonly params: Record<string, string>;
}

export function parseChallenge(header: string): Challenge {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  for (const match of header.slice(space + 1).matchAll(/(\w+)="([^"]*)"/g)) params[(match[1] as string).toLowerCase()] = match[2] as string;
  return { scheme, params };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Registry HTTP API v2 client for pulling: anonymous first, then Basic or Bearer as the registry
 * challenges (token fetched from the challenge's realm with the credentials, scoped to pull), retries
 * on network errors, 429 and 5xx.
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const host = options.registry === 'docker.io' ? 'registry-1.docker.io' : options.registry;
  const base = `${options.insecure ? 'http' : 'https'}://${host}/v2/${options.repository}`;
  const attempts = options.attempts ?? 3;
  const where = `${options.registry}/${options.repository}`;
  let authorization: string | undefined;

  const basic = (): string | undefined =>
    options.credentials === undefined ? undefined : `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`;

  const send = async (url: string, headers: Record<string, string>): Promise<Response> => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(url, { headers, redirect: 'follow' });
        if ((response.status === 429 || response.status >= 500) && attempt < attempts) {
          await response.body?.cancel();
          await sleep(200 * 2 ** (attempt - 1));
          continue;
        }
        return response;
      } catch (error) {
        lastError = error;
        if (attempt < attempts) await sleep(200 * 2 ** (attempt - 1));
      }
    }
    const cause = lastError instanceof Error ? (lastError.cause instanceof Error ? lastError.cause.message : lastError.message) : String(lastError);
    throw new RampartError('REGISTRY_ERROR', `cannot reach registry ${options.registry} (${url}): ${cause}`, { cause: lastError });
  };

  const authenticate = async (challengeHeader: string | null): Promise<void> => {
    const challenge = parseChallenge(challengeHeader ?? '');
    if (challenge.scheme === 'basic') {
      authorization = basic();
      if (authorization === undefined) throw new RampartError('REGISTRY_AUTH_FAILED', `registry ${options.registry} needs credentials (docker login, or --username with RAMPART_REGISTRY_PASSWORD)`);
      return;
    }
    if (challenge.scheme !== 'bearer' || challenge.params['realm'] === undefined) {
      throw new RampartError('REGISTRY_AUTH_FAILED', `registry ${options.registry} asks for unsupported authentication: ${challengeHeader ?? '(no challenge)'}`);
    }
    const url = new URL(challenge.params['realm']);
    if (challenge.params['service'] !== undefined) url.searchParams.set('service', challenge.params['service']);
    url.searchParams.set('scope', challenge.params['scope'] ?? `repository:${options.repository}:pull`);
    const credentials = basic();
    const response = await send(url.toString(), credentials === undefined ? {} : { Authorization: credentials });
    if (response.status === 401 || response.status === 403) {
      throw new RampartError('REGISTRY_AUTH_FAILED', `token service ${url.origin} refused the credentials for ${where} (${response.status})`);
    }
    if (!response.ok) throw new RampartError('REGISTRY_ERROR', `token service ${url.origin} answered ${response.status}`);
    const body = (await response.json()) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
    if (token === undefined) throw new RampartError('REGISTRY_ERROR', `token service ${url.origin} returned no token`);
    authorization = `Bearer ${token}`;
  };

  const request = async (path: string, accept?: string): Promise<Response> => {
    const url = `${base}${path}`;
    const headers = (): Record<string, string> => ({ ...(accept === undefined ? {} : { Accept: accept }), ...(authorization === undefined ? {} : { Authorization: authorization }) });
    let response = await send(url, headers());
    if (response.status === 401) {
      await response.body?.cancel();
      await authenticate(response.headers.get('www-authenticate'));
      response = await send(url, headers());
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new RampartError('REGISTRY_AUTH_FAILED', `registry ${options.registry} refused access to ${where} (${response.status})`);
      }
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new RampartError('IMAGE_NOT_FOUND', `${where}: ${path.replace(/^\/(manifests|blobs)\//, '')} not found in the registry`);
    }
    if (!response.ok) {
      const text = (await response.text()).slice(0, 200);
      throw new RampartError('REGISTRY_ERROR', `registry ${options.registry} answered ${response.status} for ${where}${path}: ${text}`);
    }
    return response;
  };

  const readLimited = async (response: Response, max: number, what: string): Promise<Buffer> => {
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > max) {
      await response.body?.cancel();
      throw new RampartError('LIMIT_EXCEEDED', `${what} of ${where} is ${length} bytes, over ${max} (maxManifestBytes)`, { detail: { limit: 'maxManifestBytes', max } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) {
      size += (chunk as Buffer).length;
      if (size > max) throw new RampartError('LIMIT_EXCEEDED', `${what} of ${where} exceeds ${max} bytes (maxManifestBytes)`, { detail: { limit: 'maxManifestBytes', max } });
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  };

  return {
    async getManifest(reference) {
      const response = await request(`/manifests/${reference}`, manifestMediaTypes.join(', '));
      const bytes = await readLimited(response, options.maxManifestBytes, 'manifest');
      const digest = sha256Of(bytes);
      if (reference.startsWith('sha256:') && digest !== reference) {
        throw new RampartError('DIGEST_MISMATCH', `${where}: manifest ${reference} has digest ${digest}`, { detail: { expected: reference, actual: digest } });
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      return { bytes, mediaType, digest };
    },
    async getBlob(digest, max) {
      const bytes = await readLimited(await request(`/blobs/${digest}`), max, `blob ${digest}`);
      const actual = sha256Of(bytes);
      if (actual !== digest) throw new RampartError('DIGEST_MISMATCH', `${where}: blob ${digest} has digest ${actual}`, { detail: { expected: digest, actual } });
      return bytes;
    },
    async openBlob(digest) {
      const response = await request(`/blobs/${digest}`);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>, { highWaterMark: 256 * 1024 });
    },
  };
}
