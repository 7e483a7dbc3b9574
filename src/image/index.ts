// The public API of image access (CONTRACTS.md §1): open any image target, stream its layers,
// squash them, read files, cache per-layer results.
export type {
  EntryKind,
  ImageConfigFile,
  ImageLimits,
  LayerCache,
  LayerEntry,
  LayerInfo,
  LayerVisitor,
  OpenedImage,
  OpenImageOptions,
  Platform,
  SquashedFile,
} from './image-types.js';
export { openImage } from './open-image.js';
export { walkLayers } from './walk-layers.js';
export { squashFilesystem, createSquasher } from './squash-filesystem.js';
export { readImageFile, readSquashedFile, resolveSquashedPath } from './read-image-file.js';
export { openLayerCache, rampartCacheHome } from './layer-cache.js';
export { defaultImageLimits } from './limits.js';
export { parseImageTarget, formatImageTarget, imageSchemes } from './image-target.js';
export type { ImageTarget, ImageScheme } from './image-target.js';
export { parseReference, formatReference, normaliseReference } from './reference.js';
export type { ImageReference } from './reference.js';
export { parsePlatform, formatPlatform, hostPlatform } from './platform.js';
export { formatMode } from './file-mode.js';
