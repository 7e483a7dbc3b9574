import { RampartError } from '../core/index.js';
import { dockerConfigCredentials } from './docker-credentials.js';
import type { Descriptor } from './image-schemas.js';
import { indexSchema, manifestSchema, parseDocument } from './image-schemas.js';
import type { ImageLimits, OpenImageOptions, Platform, ReadableImage } from './image-types.js';
import { selectPlatform } from './oci-layout.js';
import { formatReference, parseReference } from './reference.js';
import { createRegistryClient } from './registry-client.js';
import { createStoredImage } from './stored-image.js';

/**
 * Opens an image from a registry: resolves the tag or digest to a manifest (through an index or
 * manifest list for the wanted platform), fetches and checks the config; layers stream on demand.
 */
export async function openRegistryImage(text: string, target: string, options: OpenImageOptions, platform: Platform, limits: ImageLimits): Promise<ReadableImage> {
  const ref = parseReference(text);
  const credentials =
    options.username !== undefined && options.password !== undefined ? { username: options.username, password: options.password } : dockerConfigCredentials(ref.registry);
  const client = createRegistryClient({
    registry: ref.registry,
    repository: ref.repository,
    insecure: options.insecure === true,
    credentials,
    maxManifestBytes: limits.maxManifestBytes,
  });
  const where = `${ref.registry}/${ref.repository}`;
  let fetched = await client.getManifest(ref.digest ?? ref.tag ?? 'latest');
  let resolvedPlatform: Platform | undefined;
  for (let depth = 0; ; depth++) {
    const json = JSON.parse(fetched.bytes.toString('utf8')) as { manifests?: unknown; schemaVersion?: unknown };
    if (!Array.isArray(json.manifests)) break;
    if (depth >= 4) throw new RampartError('BAD_ARCHIVE', `${where}: indexes nested deeper than 4`);
    const index = parseDocument(fetched.bytes, indexSchema, `index ${fetched.digest}`, { file: where });
    const child: Descriptor = selectPlatform(index.manifests, platform, `${where} (${fetched.digest})`);
    if (child.platform !== undefined) resolvedPlatform = { os: child.platform.os, architecture: child.platform.architecture, ...(child.platform.variant === undefined ? {} : { variant: child.platform.variant }) };
    fetched = await client.getManifest(child.digest);
  }
  const probe = JSON.parse(fetched.bytes.toString('utf8')) as { schemaVersion?: unknown };
  if (probe.schemaVersion === 1) throw new RampartError('BAD_ARCHIVE', `${where}: schema 1 manifests are not supported (deprecated by Docker in 2019)`);
  const manifest = parseDocument(fetched.bytes, manifestSchema, `manifest ${fetched.digest}`, { file: where });
  const configBytes = await client.getBlob(manifest.config.digest, limits.maxManifestBytes);
  return createStoredImage({
    target,
    reference: formatReference({ ...ref, digest: undefined }),
    digest: fetched.digest,
    configBytes,
    configDigest: manifest.config.digest,
    layers: manifest.layers.map((layer) => ({
      digest: layer.digest,
      size: layer.size,
      mediaType: layer.mediaType ?? 'application/vnd.oci.image.layer.v1.tar+gzip',
      verifyDigest: true,
      open: () => client.openBlob(layer.digest),
    })),
    platform: resolvedPlatform,
    limits,
    source: `registry ${where}`,
    close: () => Promise.resolve(),
  });
}
