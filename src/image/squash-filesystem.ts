import type { LayerEntry, LayerInfo, OpenedImage, SquashedFile } from './image-types.js';
import { baseName, parentPath } from './entry-path.js';
import { walkLayers } from './walk-layers.js';

/**
 * Applies layers in order: later entries replace earlier ones, a whiteout deletes a path and all
 * below it, an opaque marker hides what lower layers put in a directory. Children are indexed per
 * directory so a deletion costs what it removes, not the size of the filesystem.
 */
export function createSquasher(): {
  apply(entry: LayerEntry, layer: LayerInfo): void;
  readonly files: Map<string, SquashedFile>;
} {
  const files = new Map<string, SquashedFile>();
  const children = new Map<string, Set<string>>();
  const removeBelow = (dir: string, keep: (file: SquashedFile) => boolean): void => {
    const names = children.get(dir);
    if (names === undefined) return;
    for (const name of [...names]) {
      const child = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const file = files.get(child);
      if (file !== undefined && keep(file)) continue;
      removeBelow(child, () => false);
      files.delete(child);
      children.delete(child);
      names.delete(name);
    }
  };
  const remove = (path: string): void => {
    removeBelow(path, () => false);
    files.delete(path);
    children.delete(path);
    children.get(parentPath(path))?.delete(baseName(path));
  };
  return {
    files,
    apply(entry, layer) {
      if (entry.kind === 'whiteout') {
        // a whiteout hides lower layers only: an entry of the same layer (in any archive order) stays
        removeBelow(entry.path, (file) => file.layer.index >= layer.index);
        const existing = files.get(entry.path);
        if (existing !== undefined && existing.layer.index < layer.index) files.delete(entry.path);
        if (!files.has(entry.path) && (children.get(entry.path)?.size ?? 0) === 0) remove(entry.path);
        return;
      }
      if (entry.kind === 'opaque') {
        removeBelow(entry.path, (file) => file.layer.index >= layer.index);
        return;
      }
      const existing = files.get(entry.path);
      if (existing !== undefined && (existing.entry.kind === 'dir') !== (entry.kind === 'dir')) remove(entry.path);
      files.set(entry.path, { entry, layer });
      if (entry.path === '/') return;
      const parent = parentPath(entry.path);
      let names = children.get(parent);
      if (names === undefined) {
        names = new Set();
        children.set(parent, names);
      }
      names.add(baseName(entry.path));
    },
  };
}

/** The squashed filesystem: path → the entry that wins after whiteouts, with its layer. */
export async function squashFilesystem(image: OpenedImage): Promise<Map<string, SquashedFile>> {
  const squasher = createSquasher();
  await walkLayers(image, { entry: (entry, layer) => squasher.apply(entry, layer) });
  return squasher.files;
}
