import type { Command } from 'commander';
import type { LayerCache, OpenImageOptions } from '../image/index.js';
import { openLayerCache } from '../image/index.js';

/** The image-access flags shared by `image inspect`, `sbom` and `scan`. */
export interface ImageAccessFlags {
  platform?: string;
  insecure?: boolean;
  username?: string;
  cache?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Declares the image-access flags (and `--no-cache` where the command uses the layer cache). */
export function addImageAccessOptions(command: Command, options: { readonly layerCache: boolean }): Command {
  command
    .option('--platform <os/arch[/variant]>', "platform to pick from a multi-platform image (default: the host's)")
    .option('--insecure', 'talk plain HTTP to the registry named in the target')
    .option('--username <user>', 'registry user (password from RAMPART_REGISTRY_PASSWORD); default: ~/.docker/config.json');
  if (options.layerCache) command.option('--no-cache', 'do not read or write the per-layer cache under $RAMPART_HOME');
  return command;
}

/** Image options from the flags and the environment (registry credentials, DOCKER_HOST). */
export function imageOptionsFrom(flags: ImageAccessFlags, env: Env): OpenImageOptions {
  const username = flags.username ?? env['RAMPART_REGISTRY_USERNAME'];
  const password = env['RAMPART_REGISTRY_PASSWORD'];
  return {
    ...(flags.platform === undefined ? {} : { platform: flags.platform }),
    ...(flags.insecure === true ? { insecure: true } : {}),
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    ...(env['DOCKER_HOST'] === undefined ? {} : { dockerHost: env['DOCKER_HOST'] }),
  };
}

/** The per-layer cache under $RAMPART_HOME, unless `--no-cache` or the target is an SBOM (no layers). */
export function layerCacheFor(target: string, flags: ImageAccessFlags, env: Env): LayerCache | undefined {
  if (flags.cache === false || target.startsWith('sbom:')) return undefined;
  const home = env['RAMPART_HOME'];
  return openLayerCache(home === undefined ? {} : { home });
}
