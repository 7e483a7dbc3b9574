import { RampartError } from '../core/index.js';
import type { BlobStore } from './blob-store.js';
import { readSmall } from './blob-store.js';
import type { Descriptor, ImageManifest } from './image-schemas.js';
import { indexSchema, manifestSchema, parseDocument } from './image-schemas.js';
import type { ImageLimits, Platform, ReadableImage } from './image-types.js';
import { formatPlatform, platformMatches } from './platform.js';
import { normaliseReference } from './reference.js';
import type { LayerSource } from './stored-image.js';
import { createStoredImage, sha256Of } from './stored-image.js';

export const refNameAnnotation = 'org.opencontainers.image.ref.name';
const maxIndexDepth = 4;
const imageConfigTypes = new Set(['application/vnd.oci.image.config.v1+json', 'application/vnd.docker.container.image.v1+json']);

export interface LayoutSelection {
  readonly target: string;
  /** `org.opencontainers.image.ref.name` (or a full `io.containerd.image.name`) to select. */
  readonly tag: string | undefined;
  readonly platform: Platform;
  readonly limits: ImageLimits;
}

export function blobName(digest: string): string {
  return `blobs/${digest.replace(':', '/')}`;
}

/** Reads a content-addressed JSON blob, checking its digest. */
export async function readBlobJson(store: BlobStore, descriptor: Descriptor, limits: ImageLimits, what: string): Promise<Buffer> {
  const name = blobName(descriptor.digest);
  const bytes = await readSmall(store, name, limits.maxManifestBytes);
  if (bytes === undefined) {
    throw new RampartError('BAD_ARCHIVE', `${store.location}: ${what} blob ${descriptor.digest} is missing`, {
      location: { file: store.location, path: name },
    });
  }
  const actual = sha256Of(bytes);
  if (actual !== descriptor.digest) {
    throw new RampartError('DIGEST_MISMATCH', `${what} ${descriptor.digest} does not match its content (${actual})`, {
      location: { file: store.location, path: name },
      detail: { expected: descriptor.digest, actual },
    });
  }
  return bytes;
}

/**
 * Opens one image of an OCI image layout (a directory, or the members of an OCI archive): selects
 * the manifest by tag and platform through any depth of nested indexes, then builds the image.
 */
export async function openOciLayout(store: BlobStore, selection: LayoutSelection, close: () => Promise<void>): Promise<ReadableImage> {
  const location = { file: store.location, path: 'index.json' };
  const kind = await store.kind('index.json');
  if (kind === undefined) throw new RampartError('BAD_ARCHIVE', `${store.location} is not an OCI image layout: no index.json`, { location });
  if (kind !== 'file') throw new RampartError('BAD_ARCHIVE', `${store.location}: index.json is not a regular file`, { location });
  const bytes = await readSmall(store, 'index.json', selection.limits.maxManifestBytes);
  const index = parseDocument(bytes ?? Buffer.alloc(0), indexSchema, 'index.json', location);
  let candidates = index.manifests;
  if (selection.tag !== undefined) {
    const tag = selection.tag;
    candidates = candidates.filter((d) => {
      const ref = d.annotations?.[refNameAnnotation];
      const name = d.annotations?.['io.containerd.image.name'];
      if (ref === tag || name === tag) return true;
      // `sample` finds `sample:latest`, `alpine:3` finds `docker.io/library/alpine:3`
      const wanted = normaliseReference(tag);
      return [ref, name].some((r) => r !== undefined && r.includes(':') && normaliseReference(r) === wanted);
    });
    if (candidates.length === 0) {
      throw new RampartError('IMAGE_NOT_FOUND', `${store.location} has no image tagged ${tag} (tags: ${listTags(index.manifests)})`, { location });
    }
  }
  if (candidates.length === 0) throw new RampartError('BAD_ARCHIVE', `${store.location}: index.json lists no manifests`, { location });
  const distinct = [...new Map(candidates.map((d) => [d.digest, d])).values()];
  let chosen: Descriptor;
  if (distinct.length === 1) {
    chosen = distinct[0] as Descriptor;
  } else {
    const withPlatform = distinct.filter((d) => d.platform !== undefined && platformMatches(d.platform, selection.platform));
    if (withPlatform.length >= 1 && distinct.every((d) => d.platform !== undefined)) {
      chosen = withPlatform[0] as Descriptor;
    } else {
      throw new RampartError('BAD_REFERENCE', `${store.location} holds ${distinct.length} images: name one as ${selection.target}:TAG (tags: ${listTags(distinct)})`, { location });
    }
  }
  const resolved = await resolveManifest(store, chosen, selection, 0);
  const layers: LayerSource[] = resolved.manifest.layers.map((layer) => ({
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType ?? 'application/vnd.oci.image.layer.v1.tar',
    verifyDigest: true,
    open: () => Promise.resolve(store.open(blobName(layer.digest))),
  }));
  for (const layer of resolved.manifest.layers) {
    if ((await store.size(blobName(layer.digest))) === undefined) {
      throw new RampartError('BAD_ARCHIVE', `${store.location}: layer blob ${layer.digest} is missing`, { location: { file: store.location, path: blobName(layer.digest) } });
    }
  }
  const configType = resolved.manifest.config.mediaType;
  if (configType !== undefined && !imageConfigTypes.has(configType)) {
    throw new RampartError('BAD_ARCHIVE', `${store.location}: ${resolved.digest} is an OCI artifact (config ${configType}), not a container image`, { location });
  }
  const configBytes = await readBlobJson(store, resolved.manifest.config, selection.limits, 'image config');
  const ref = chosen.annotations?.['io.containerd.image.name'] ?? chosen.annotations?.[refNameAnnotation];
  return createStoredImage({
    target: selection.target,
    reference: ref,
    digest: resolved.digest,
    configBytes,
    configDigest: resolved.manifest.config.digest,
    layers,
    platform: resolved.platform,
    limits: selection.limits,
    source: store.location,
    close,
  });
}

interface ResolvedManifest {
  readonly manifest: ImageManifest;
  readonly digest: string;
  readonly platform: Platform | undefined;
}

/** Follows a descriptor through (nested) indexes to an image manifest for the wanted platform. */
export async function resolveManifest(store: BlobStore, descriptor: Descriptor, selection: LayoutSelection, depth: number): Promise<ResolvedManifest> {
  const location = { file: store.location, path: blobName(descriptor.digest) };
  if (depth > maxIndexDepth) throw new RampartError('BAD_ARCHIVE', `indexes nested deeper than ${maxIndexDepth}`, { location });
  const bytes = await readBlobJson(store, descriptor, selection.limits, 'manifest');
  const json = safeJson(bytes);
  const isIndex = Array.isArray(json?.['manifests']);
  if (isIndex) {
    const index = parseDocument(bytes, indexSchema, `index ${descriptor.digest}`, location);
    const child = selectPlatform(index.manifests, selection.platform, `${store.location} (index ${descriptor.digest})`);
    return resolveManifest(store, child, selection, depth + 1);
  }
  if (json === undefined || !('config' in json) || !('layers' in json)) {
    throw new RampartError('BAD_ARCHIVE', `${descriptor.digest} (${descriptor.mediaType ?? 'no media type'}) is neither an image manifest nor an index`, { location });
  }
  const manifest = parseDocument(bytes, manifestSchema, `manifest ${descriptor.digest}`, location);
  return { manifest, digest: descriptor.digest, platform: descriptor.platform === undefined ? undefined : toPlatform(descriptor.platform) };
}

/** Picks the index entry for the wanted platform; PLATFORM_NOT_FOUND lists what there is. */
export function selectPlatform(manifests: readonly Descriptor[], wanted: Platform, where: string): Descriptor {
  if (manifests.length === 1 && manifests[0]?.platform === undefined) return manifests[0] as Descriptor;
  const match = manifests.find((d) => d.platform !== undefined && platformMatches(d.platform, wanted));
  if (match !== undefined) return match;
  const available = manifests.map((d) => (d.platform === undefined ? '?' : formatPlatform(toPlatform(d.platform)))).join(', ');
  throw new RampartError('PLATFORM_NOT_FOUND', `${where} has no image for ${formatPlatform(wanted)} (available: ${available || 'none'}); choose one with --platform`, {
    detail: { wanted: formatPlatform(wanted), available },
  });
}

function toPlatform(p: { os: string; architecture: string; variant?: string | undefined }): Platform {
  return p.variant === undefined ? { os: p.os, architecture: p.architecture } : { os: p.os, architecture: p.architecture, variant: p.variant };
}

function listTags(descriptors: readonly Descriptor[]): string {
  const tags = descriptors.map((d) => d.annotations?.[refNameAnnotation]).filter((t): t is string => t !== undefined);
  return tags.length === 0 ? 'none' : tags.join(', ');
}

function safeJson(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
