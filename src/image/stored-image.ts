import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { RampartError } from '../core/index.js';
import type { Location } from '../core/index.js';
import { parseImageConfig } from './image-schemas.js';
import type { ImageLimits, LayerInfo, Platform, ReadableImage } from './image-types.js';
import { layerReaderKey } from './image-types.js';
import { readLayerTar } from './layer-tar-reader.js';

/** Where one layer's blob is, as the image source knows it. */
export interface LayerSource {
  readonly digest: string;
  readonly size: number;
  readonly mediaType: string;
  /** Whether `digest` is the hash of the stored bytes (content-addressed) and must be checked. */
  readonly verifyDigest: boolean;
  open(): Promise<Readable>;
}

export interface StoredImageParts {
  readonly target: string;
  readonly reference?: string | undefined;
  readonly digest?: string | undefined;
  readonly configBytes: Buffer;
  /** The config digest as referenced; checked against the bytes when `verifyConfig`. */
  readonly configDigest: string | undefined;
  readonly layers: readonly LayerSource[];
  readonly platform?: Platform | undefined;
  readonly limits: ImageLimits;
  /** Where blobs come from, for error locations. */
  readonly source: string;
  readonly close: () => Promise<void>;
}

export function sha256Of(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Builds an image from its config and layer blobs: checks the config digest and the layer count, then wires the tar reader. */
export function createStoredImage(parts: StoredImageParts): ReadableImage {
  const location: Location = { file: parts.source };
  const actualConfigDigest = sha256Of(parts.configBytes);
  if (parts.configDigest !== undefined && parts.configDigest !== actualConfigDigest) {
    throw new RampartError('DIGEST_MISMATCH', `image config digest mismatch: expected ${parts.configDigest}, got ${actualConfigDigest}`, {
      location,
      detail: { expected: parts.configDigest, actual: actualConfigDigest },
    });
  }
  const config = parseImageConfig(parts.configBytes, location);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== parts.layers.length) {
    throw new RampartError('BAD_ARCHIVE', `image has ${parts.layers.length} layers but its config lists ${diffIds.length} diff_ids`, { location });
  }
  const history = (config.history ?? []).filter((h) => h.empty_layer !== true);
  const layers: LayerInfo[] = parts.layers.map((source, index) => {
    const info: LayerInfo = { index, diffId: diffIds[index] as string, digest: source.digest, size: source.size, mediaType: source.mediaType };
    const createdBy = history.length === parts.layers.length ? history[index]?.created_by : undefined;
    if (createdBy !== undefined) info.createdBy = createdBy;
    return info;
  });
  const platform: Platform = parts.platform ?? {
    os: config.os ?? 'unknown',
    architecture: config.architecture ?? 'unknown',
  };
  const image: ReadableImage = {
    target: parts.target,
    ...(parts.reference === undefined ? {} : { reference: parts.reference }),
    ...(parts.digest === undefined ? {} : { digest: parts.digest }),
    imageId: actualConfigDigest,
    platform,
    config,
    layers,
    limits: parts.limits,
    close: parts.close,
    [layerReaderKey]: {
      async readLayer(layer, budget, sink) {
        const source = parts.layers[layer.index];
        if (source === undefined || layers[layer.index] !== layer) {
          throw new RampartError('INTERNAL', `layer ${layer.index} does not belong to ${parts.target}`);
        }
        const stream = await source.open();
        await readLayerTar({ stream, source: parts.source, verifyDigest: source.verifyDigest }, layer, budget, sink);
      },
    },
  };
  return image;
}
