import type { OpenedImage } from '../image/index.js';
import { walkLayers } from '../image/index.js';
import type { CatalogSource } from './layer-source.js';

/** An opened image as a catalog source; `dir:` roots are not cached (their content changes). */
export function imageSource(image: OpenedImage): CatalogSource {
  return {
    target: image.target,
    imageId: image.imageId,
    layers: image.layers,
    cacheable: !image.target.startsWith('dir:'),
    walk: (visitor) => walkLayers(image, visitor),
  };
}
