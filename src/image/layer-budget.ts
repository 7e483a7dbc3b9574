import { RampartError } from '../core/index.js';
import type { Location } from '../core/index.js';
import type { ImageLimits } from './image-types.js';

/** What one walk has spent so far, checked against the image's limits as bytes and entries stream by. */
export interface LayerBudget {
  readonly limits: ImageLimits;
  decompressedBytes: number;
  entries: number;
}

export function createLayerBudget(limits: ImageLimits): LayerBudget {
  return { limits, decompressedBytes: 0, entries: 0 };
}

export function spendBytes(budget: LayerBudget, bytes: number, where: Location): void {
  budget.decompressedBytes += bytes;
  if (budget.decompressedBytes > budget.limits.maxDecompressedBytes) {
    throw new RampartError(
      'LIMIT_EXCEEDED',
      `decompressed layer data exceeds ${budget.limits.maxDecompressedBytes} bytes (maxDecompressedBytes): a decompression bomb or a too-large image`,
      { location: where, detail: { limit: 'maxDecompressedBytes', max: budget.limits.maxDecompressedBytes } },
    );
  }
}

export function spendEntry(budget: LayerBudget, where: Location): void {
  budget.entries += 1;
  if (budget.entries > budget.limits.maxEntries) {
    throw new RampartError('LIMIT_EXCEEDED', `more than ${budget.limits.maxEntries} entries (maxEntries)`, {
      location: where,
      detail: { limit: 'maxEntries', max: budget.limits.maxEntries },
    });
  }
}
