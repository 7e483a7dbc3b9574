import http from 'node:http';
import { RampartError } from '../core/index.js';

/** The part of the Docker Engine API lint needs. */
export interface DockerEngine {
  /** `GET /containers/{id}/json`; undefined when no such container. */
  inspectContainer(nameOrId: string): Promise<unknown>;
}

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** A client over the Engine API's unix socket (`unix:///var/run/docker.sock` by default). */
export function createDockerEngine(options: { host?: string | undefined } = {}): DockerEngine {
  const host = options.host ?? 'unix:///var/run/docker.sock';
  return {
    async inspectContainer(nameOrId) {
      if (!host.startsWith('unix://')) throw new RampartError('DAEMON_UNAVAILABLE', `only unix:// Docker hosts are supported (got ${host})`);
      const socketPath = host.slice('unix://'.length);
      const { status, body } = await request(socketPath, `/containers/${encodeURIComponent(nameOrId)}/json`);
      if (status === 404) return undefined;
      if (status !== 200) throw new RampartError('DAEMON_UNAVAILABLE', `Docker Engine answered ${status} for container ${nameOrId}`);
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        throw new RampartError('DAEMON_UNAVAILABLE', 'Docker Engine sent invalid JSON', { cause: error });
      }
    },
  };
}

function request(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, method: 'GET', headers: { Host: 'docker' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy(new RampartError('LIMIT_EXCEEDED', 'Docker Engine response too large'));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      reject(error instanceof RampartError ? error : new RampartError('DAEMON_UNAVAILABLE', `cannot reach the Docker Engine at ${socketPath}`, { cause: error }));
    });
    req.end();
  });
}
