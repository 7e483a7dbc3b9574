import { RampartError } from '../core/index.js';
import type { BlobStore } from './blob-store.js';
import { readSmall } from './blob-store.js';
import type { DockerManifest } from './image-schemas.js';
import { dockerManifestSchema, parseDocument, parseImageConfig } from './image-schemas.js';
import type { ImageLimits, ReadableImage } from './image-types.js';
import { normaliseReference } from './reference.js';
import type { LayerSource } from './stored-image.js';
import { createStoredImage } from './stored-image.js';

const blobPath = /^(?:\.\/)?blobs\/sha256\/([a-f0-9]{64})$/;
// `<hex>.json` names (classic saves) are image ids, not checked: hand-edited saves keep the old name.
const namedConfig = /^(?:\.\/)?sha256:([a-f0-9]{64})$/;

export interface DockerArchiveSelection {
  readonly target: string;
  /** A RepoTag to pick from a multi-image archive (`alpine:3.19`, `docker.io/library/alpine:3.19`). */
  readonly tag: string | undefined;
  readonly limits: ImageLimits;
}

/** Chooses one entry of `manifest.json`: by tag, or the only one. */
export function selectDockerImage(entries: DockerManifest, tag: string | undefined, where: string): { entry: DockerManifest[number]; reference: string | undefined } {
  if (tag === undefined) {
    if (entries.length > 1) {
      const tags = entries.flatMap((e) => e.RepoTags ?? []);
      throw new RampartError('BAD_REFERENCE', `${where} holds ${entries.length} images: pick one as ${where}:TAG (tags: ${tags.join(', ') || 'none'})`, {
        location: { file: where },
      });
    }
    const entry = entries[0] as DockerManifest[number];
    return { entry, reference: entry.RepoTags?.[0] };
  }
  const wanted = normaliseReference(tag);
  for (const entry of entries) {
    for (const repoTag of entry.RepoTags ?? []) {
      if (repoTag === tag || normaliseReference(repoTag) === wanted) return { entry, reference: repoTag };
    }
  }
  const tags = entries.flatMap((e) => e.RepoTags ?? []);
  throw new RampartError('IMAGE_NOT_FOUND', `${where} has no image tagged ${tag} (tags: ${tags.join(', ') || 'none'})`, { location: { file: where } });
}

/**
 * Opens an image of a `docker save` archive: the classic layout (`<id>/layer.tar`) and Docker ≥ 25's
 * OCI-layout-inside (`blobs/sha256/…`), one image or a bundle selected by tag.
 */
export async function openDockerArchive(store: BlobStore, selection: DockerArchiveSelection, close: () => Promise<void>): Promise<ReadableImage> {
  const location = { file: store.location, path: 'manifest.json' };
  const bytes = await readSmall(store, 'manifest.json', selection.limits.maxManifestBytes);
  if (bytes === undefined) throw new RampartError('BAD_ARCHIVE', `${store.location} is not a docker-archive: no manifest.json`, { location });
  const entries = parseDocument(bytes, dockerManifestSchema, 'manifest.json', location);
  const { entry, reference } = selectDockerImage(entries, selection.tag, store.location);

  const configBytes = await readSmall(store, entry.Config, selection.limits.maxManifestBytes);
  if (configBytes === undefined) {
    throw new RampartError('BAD_ARCHIVE', `${store.location}: config ${entry.Config} named by manifest.json is missing`, { location });
  }
  const config = parseImageConfig(configBytes, { file: store.location, path: entry.Config });
  const diffIds = config.rootfs?.diff_ids ?? [];
  const configHex = blobPath.exec(entry.Config)?.[1] ?? namedConfig.exec(entry.Config)?.[1];

  const layers: LayerSource[] = [];
  for (const [i, name] of entry.Layers.entries()) {
    const size = await store.size(name);
    if (size === undefined) {
      throw new RampartError('BAD_ARCHIVE', `${store.location}: layer ${name} named by manifest.json is missing`, { location: { file: store.location, path: name } });
    }
    const hex = blobPath.exec(name)?.[1];
    layers.push({
      digest: hex === undefined ? (diffIds[i] ?? 'unknown') : `sha256:${hex}`,
      size,
      mediaType: hex === undefined ? 'application/vnd.docker.image.rootfs.diff.tar' : 'application/vnd.oci.image.layer.v1.tar',
      verifyDigest: hex !== undefined,
      open: () => Promise.resolve(store.open(name)),
    });
  }
  return createStoredImage({
    target: selection.target,
    reference,
    digest: undefined,
    configBytes,
    configDigest: configHex === undefined ? undefined : `sha256:${configHex}`,
    layers,
    limits: selection.limits,
    source: store.location,
    close,
  });
}
