import { RampartError } from '../core/index.js';
import { normaliseEntryPath, parentPath, resolveInsideRoot } from './entry-path.js';
import type { OpenedImage, SquashedFile } from './image-types.js';
import { squashFilesystem } from './squash-filesystem.js';
import { walkLayers } from './walk-layers.js';

const maxLinkHops = 40;

/**
 * Resolves a path in a squashed filesystem the way a chroot would: every symlink on the way is
 * followed relative to its directory, `..` stops at the root, absolute targets start at the image
 * root; hardlinks lead to their target. Undefined when the path does not exist or loops.
 */
export function resolveSquashedPath(files: ReadonlyMap<string, SquashedFile>, path: string, maxPathLength = 4096): SquashedFile | undefined {
  let pending = normaliseEntryPath(path, maxPathLength, {}).split('/').filter((p) => p !== '');
  let current = '/';
  let hops = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    const candidate = current === '/' ? `/${name}` : `${current}/${name}`;
    const file = files.get(candidate);
    if (file === undefined) return undefined;
    if (file.entry.kind === 'symlink') {
      if (++hops > maxLinkHops) return undefined;
      const target = resolveInsideRoot(parentPath(candidate), file.entry.linkTarget ?? '');
      pending = [...target.split('/').filter((p) => p !== ''), ...pending];
      current = '/';
      continue;
    }
    current = candidate;
  }
  const found = files.get(current);
  if (found?.entry.kind === 'hardlink') {
    const target = files.get(found.entry.linkTarget ?? '');
    return target?.entry.kind === 'file' ? target : undefined;
  }
  return found;
}

/** Reads one file's content out of its layer (streamed; only that layer is read). */
export async function readSquashedFile(image: OpenedImage, file: SquashedFile): Promise<Buffer> {
  if (file.entry.kind !== 'file') {
    throw new RampartError('BAD_INPUT', `${file.entry.path} is a ${file.entry.kind}, not a regular file`, { location: { path: file.entry.path, layer: file.layer.digest } });
  }
  let content: Buffer | undefined;
  await walkLayers(image, {
    layer: (layer) => layer.index === file.layer.index,
    async entry(entry, _layer, read) {
      if (entry.path === file.entry.path && entry.kind === 'file') content = await read();
    },
  });
  return content ?? Buffer.alloc(0);
}

/** Reads one file's content from the squashed view (follows symlinks inside the root, like a chroot). */
export async function readImageFile(image: OpenedImage, path: string): Promise<Buffer | undefined> {
  const files = await squashFilesystem(image);
  const file = resolveSquashedPath(files, path);
  if (file === undefined || file.entry.kind !== 'file') return undefined;
  return readSquashedFile(image, file);
}
