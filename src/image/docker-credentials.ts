import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { RampartError, parseSchema } from '../core/index.js';

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

const configSchema = z.object({
  auths: z.optional(z.record(z.string(), z.object({ auth: z.optional(z.string()), username: z.optional(z.string()), password: z.optional(z.string()) }))),
});

function hostOf(key: string): string {
  const host = key.replace(/^https?:\/\//, '').split('/')[0] ?? key;
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}

/**
 * Credentials for a registry from `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`),
 * `auths` entries only (inline `auth` or username/password). Credential helpers are not run.
 */
export function dockerConfigCredentials(registry: string, env: Readonly<Record<string, string | undefined>> = process.env): RegistryCredentials | undefined {
  const dir = env['DOCKER_CONFIG'] ?? path.join(os.homedir(), '.docker');
  const file = path.join(dir, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no config file: anonymous access
  }
  let parsed: z.infer<typeof configSchema>;
  try {
    parsed = parseSchema(configSchema, JSON.parse(text));
  } catch (error) {
    throw new RampartError('BAD_CONFIG', `${file} is not a valid Docker config: ${(error as Error).message}`, { location: { file }, cause: error });
  }
  const wanted = hostOf(registry);
  for (const [key, entry] of Object.entries(parsed.auths ?? {})) {
    if (hostOf(key) !== wanted) continue;
    if (entry.auth !== undefined && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username !== undefined && entry.password !== undefined) return { username: entry.username, password: entry.password };
  }
  return undefined;
}
