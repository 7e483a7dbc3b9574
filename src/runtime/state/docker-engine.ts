import http from 'node:http';
import * as z from 'zod/mini';
import { parseSchema, RampartError } from '../../core/index.js';

/** The part of `GET /containers/{id}/json` the enrichment uses (permissive: Docker adds fields). */
const containerSchema = z.object({
  Id: z.string(),
  Name: z.optional(z.string()),
  Image: z.optional(z.string()),
  Created: z.optional(z.string()),
  State: z.optional(z.partial(z.object({ StartedAt: z.optional(z.string()), Pid: z.optional(z.number()) }))),
  Config: z.optional(z.partial(z.object({ Image: z.optional(z.string()), Labels: z.optional(z.nullable(z.record(z.string(), z.string()))) }))),
  HostConfig: z.optional(
    z.partial(
      z.object({
        Privileged: z.optional(z.boolean()),
        NetworkMode: z.optional(z.string()),
        PidMode: z.optional(z.string()),
        IpcMode: z.optional(z.string()),
        ReadonlyRootfs: z.optional(z.boolean()),
      }),
    ),
  ),
  Mounts: z.optional(
    z.nullable(z.array(z.partial(z.object({ Source: z.string(), Destination: z.string(), Mode: z.string(), RW: z.boolean(), Propagation: z.string() })))),
  ),
  GraphDriver: z.optional(z.partial(z.object({ Name: z.optional(z.string()), Data: z.optional(z.nullable(z.record(z.string(), z.string()))) }))),
  NetworkSettings: z.optional(
    z.partial(
      z.object({
        IPAddress: z.optional(z.string()),
        Networks: z.optional(z.nullable(z.record(z.string(), z.partial(z.object({ IPAddress: z.optional(z.string()) }))))),
      }),
    ),
  ),
});
export type DockerContainer = z.infer<typeof containerSchema>;

const imageSchema = z.object({
  Id: z.string(),
  RepoTags: z.optional(z.nullable(z.array(z.string()))),
  RepoDigests: z.optional(z.nullable(z.array(z.string()))),
});
export type DockerImage = z.infer<typeof imageSchema>;

export interface DockerEngine {
  inspectContainer(id: string): Promise<DockerContainer | undefined>;
  inspectImage(id: string): Promise<DockerImage | undefined>;
}

/** A minimal Docker Engine API client (`unix:///path` or `tcp://host:port`). */
export function createDockerEngine(host = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock'): DockerEngine {
  const target = host.startsWith('unix://')
    ? { socketPath: host.slice('unix://'.length) }
    : { host: new URL(host.replace(/^tcp:/, 'http:')).hostname, port: Number(new URL(host.replace(/^tcp:/, 'http:')).port || 2375) };
  const get = (apiPath: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const req = http.request({ ...target, path: `/v1.41${apiPath}`, method: 'GET', timeout: 5000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 404) return resolve(undefined);
          if (res.statusCode !== 200) {
            return reject(new RampartError('DAEMON_UNAVAILABLE', `docker ${apiPath}: HTTP ${String(res.statusCode)} ${body.slice(0, 200)}`));
          }
          try {
            resolve(JSON.parse(body));
          } catch (error) {
            reject(new RampartError('DAEMON_UNAVAILABLE', `docker ${apiPath}: invalid JSON`, { cause: error }));
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => reject(new RampartError('DAEMON_UNAVAILABLE', `docker ${apiPath}: ${error.message}`, { cause: error })));
      req.end();
    });
  return {
    async inspectContainer(id) {
      const body = await get(`/containers/${encodeURIComponent(id)}/json`);
      return body === undefined ? undefined : parseSchema(containerSchema, body);
    },
    async inspectImage(id) {
      const body = await get(`/images/${encodeURIComponent(id)}/json`);
      return body === undefined ? undefined : parseSchema(imageSchema, body);
    },
  };
}
