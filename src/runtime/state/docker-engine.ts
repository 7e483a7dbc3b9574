import http from 'node:http';
import { z } from 'zod';
import { RampartError } from '../../core/index.js';

/** The part of `GET /containers/{id}/json` the enrichment uses (permissive: Docker adds fields). */
const containerSchema = z.object({
  Id: z.string(),
  Name: z.string().optional(),
  Image: z.string().optional(),
  Created: z.string().optional(),
  State: z.object({ StartedAt: z.string().optional(), Pid: z.number().optional() }).partial().optional(),
  Config: z
    .object({ Image: z.string().optional(), Labels: z.record(z.string(), z.string()).nullable().optional() })
    .partial()
    .optional(),
  HostConfig: z
    .object({
      Privileged: z.boolean().optional(),
      NetworkMode: z.string().optional(),
      PidMode: z.string().optional(),
      IpcMode: z.string().optional(),
      ReadonlyRootfs: z.boolean().optional(),
    })
    .partial()
    .optional(),
  Mounts: z
    .array(
      z
        .object({ Source: z.string(), Destination: z.string(), Mode: z.string(), RW: z.boolean(), Propagation: z.string() })
        .partial(),
    )
    .nullable()
    .optional(),
  GraphDriver: z
    .object({ Name: z.string().optional(), Data: z.record(z.string(), z.string()).nullable().optional() })
    .partial()
    .optional(),
  NetworkSettings: z
    .object({ IPAddress: z.string().optional(), Networks: z.record(z.string(), z.object({ IPAddress: z.string().optional() }).partial()).nullable().optional() })
    .partial()
    .optional(),
});
export type DockerContainer = z.infer<typeof containerSchema>;

const imageSchema = z.object({
  Id: z.string(),
  RepoTags: z.array(z.string()).nullable().optional(),
  RepoDigests: z.array(z.string()).nullable().optional(),
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
      return body === undefined ? undefined : containerSchema.parse(body);
    },
    async inspectImage(id) {
      const body = await get(`/images/${encodeURIComponent(id)}/json`);
      return body === undefined ? undefined : imageSchema.parse(body);
    },
  };
}
