import { isRampartError } from '../core/index.js';
import { openArchiveFile } from './archive-file.js';
import type { BlobStore } from './blob-store.js';
import { openDirImage } from './dir-image.js';
import { createDirBlobStore } from './dir-blob-store.js';
import { openDockerArchive } from './docker-archive.js';
import type * as DockerDaemon from './docker-daemon.js';
import type { ImageLimits, OpenedImage, OpenImageOptions, Platform, ReadableImage } from './image-types.js';
import type { ImageTarget } from './image-target.js';
import { formatImageTarget, parseImageTarget } from './image-target.js';
import { resolveLimits } from './limits.js';
import { openOciLayout } from './oci-layout.js';
import type * as RegistryImage from './registry-image.js';
import { hostPlatform, parsePlatform } from './platform.js';

export interface SourceContext {
  readonly limits: ImageLimits;
  readonly platform: Platform;
  readonly options: OpenImageOptions;
}

/** Opens an archive store as docker-archive or OCI layout, by scheme or (for `archive`) by its members. */
export async function openFromStore(store: BlobStore, target: ImageTarget & { path: string; tag: string | undefined }, context: SourceContext): Promise<ReadableImage> {
  const close = (): Promise<void> => store.close();
  try {
    const hasDockerManifest = (await store.kind('manifest.json')) === 'file';
    const asDocker = target.scheme === 'docker-archive' || (target.scheme === 'archive' && hasDockerManifest);
    if (asDocker && (hasDockerManifest || (await store.kind('index.json')) === undefined)) {
      return await openDockerArchive(store, { target: formatImageTarget(target, 'docker-archive'), tag: target.tag, limits: context.limits }, close);
    }
    return await openOciLayout(
      store,
      { target: formatImageTarget(target, target.scheme === 'oci-dir' ? 'oci-dir' : 'oci-archive'), tag: target.tag, platform: context.platform, limits: context.limits },
      close,
    );
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens any image target; the caller must `close()` it (temporary files of compressed archives go then). */
export async function openImage(text: string, options: OpenImageOptions = {}): Promise<OpenedImage> {
  const context: SourceContext = {
    limits: resolveLimits(options.limits),
    platform: options.platform === undefined ? hostPlatform() : parsePlatform(options.platform),
    options,
  };
  const target = parseImageTarget(text);
  switch (target.scheme) {
    case 'dir':
      return openDirImage(target.path, formatImageTarget(target), context.limits);
    case 'oci-dir':
      return openFromStore(createDirBlobStore(target.path), target, context);
    case 'docker-archive':
    case 'oci-archive':
    case 'archive':
      return openFromStore(await openArchiveFile(target.path, context.limits), target, context);
    case 'docker':
      return openDaemonImage(target.reference, formatImageTarget(target), dockerHostOf(options), context.limits);
    case 'registry':
      return openRegistryImage(target.reference, formatImageTarget(target), options, context.platform, context.limits);
    case 'docker-or-registry':
      return openDaemonOrRegistry(target.reference, context);
  }
}

// The daemon and registry transports (HTTP clients, credentials) load only for their targets.
async function openDaemonImage(...args: Parameters<typeof DockerDaemon.openDaemonImage>): Promise<ReadableImage> {
  return (await import('./docker-daemon.js')).openDaemonImage(...args);
}

async function openRegistryImage(...args: Parameters<typeof RegistryImage.openRegistryImage>): Promise<ReadableImage> {
  return (await import('./registry-image.js')).openRegistryImage(...args);
}

function dockerHostOf(options: OpenImageOptions): string {
  return options.dockerHost ?? process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
}

/** A bare reference: the local daemon's image when it has one, else the registry's (as Trivy does). */
async function openDaemonOrRegistry(reference: string, context: SourceContext): Promise<ReadableImage> {
  try {
    return await openDaemonImage(reference, `docker:${reference}`, dockerHostOf(context.options), context.limits);
  } catch (error) {
    if (!isRampartError(error, 'IMAGE_NOT_FOUND') && !isRampartError(error, 'DAEMON_UNAVAILABLE')) throw error;
  }
  return openRegistryImage(reference, `registry:${reference}`, context.options, context.platform, context.limits);
}
