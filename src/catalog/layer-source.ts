/**
 * The part of the image API (src/image, CONTRACTS.md §1) the catalog reads: layers in order and a
 * walker over their entries. An `OpenedImage` with `walkLayers` provides it; so does any test double.
 */
export type SourceEntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque' | 'other';

export interface SourceLayer {
  readonly index: number;
  /** `sha256:` of the uncompressed layer: the cache key. */
  readonly diffId: string;
}

export interface SourceEntry {
  readonly path: string;
  readonly kind: SourceEntryKind;
  readonly mode: number;
  readonly size: number;
  readonly linkTarget?: string;
}

export interface SourceVisitor {
  layer?(layer: SourceLayer): boolean | Promise<boolean>;
  entry(entry: SourceEntry, layer: SourceLayer, content: () => Promise<Buffer>): void | Promise<void>;
}

export interface CatalogSource {
  readonly target: string;
  readonly imageId?: string;
  readonly layers: readonly SourceLayer[];
  /** Whether per-layer facts may be cached by diffId (false for `dir:` roots, whose content changes). */
  readonly cacheable: boolean;
  walk(visitor: SourceVisitor): Promise<void>;
}
