import { RampartError } from '../core/index.js';
import type { LayerVisitor, OpenedImage, ReadableImage } from './image-types.js';
import { layerReaderKey } from './image-types.js';
import { createLayerBudget } from './layer-budget.js';

export function asReadableImage(image: OpenedImage): ReadableImage {
  if (!(layerReaderKey in image)) {
    throw new RampartError('INTERNAL', `walkLayers needs an image from openImage (got ${image.target})`);
  }
  return image as ReadableImage;
}

/**
 * Streams every layer once, base first, handing each entry to the visitor. Digests and diffIDs are
 * verified as the bytes pass; limits (decompressed bytes, entries, path length) apply to the whole walk.
 */
export async function walkLayers(image: OpenedImage, visitor: LayerVisitor): Promise<void> {
  const readable = asReadableImage(image);
  const budget = createLayerBudget(readable.limits);
  for (const layer of readable.layers) {
    if (visitor.layer !== undefined && (await visitor.layer(layer)) === false) continue;
    await readable[layerReaderKey].readLayer(layer, budget, (entry, content) => Promise.resolve(visitor.entry(entry, layer, content)));
  }
}
