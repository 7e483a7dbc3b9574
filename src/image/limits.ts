import { RampartError } from '../core/index.js';
import type { ImageLimits } from './image-types.js';

/** Defaults sized for real images (a 10 GiB CUDA image has ~200k entries); every one is configurable. */
export const defaultImageLimits: Readonly<ImageLimits> = {
  maxDecompressedBytes: 64 * 1024 ** 3,
  maxEntries: 5_000_000,
  maxPathLength: 4096,
  maxManifestBytes: 8 * 1024 ** 2,
};

export function resolveLimits(partial: Partial<ImageLimits> | undefined): ImageLimits {
  const limits = { ...defaultImageLimits, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new RampartError('USAGE', `image limit ${name} must be a positive integer (got ${String(value)})`);
    }
  }
  return limits;
}
