import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { EntryKind, ImageLimits, LayerEntry, LayerInfo, ReadableImage } from './image-types.js';
import { layerReaderKey } from './image-types.js';
import { spendEntry } from './layer-budget.js';
import { hostPlatform } from './platform.js';

function kindOf(stats: Stats): EntryKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'dir';
  if (stats.isSymbolicLink()) return 'symlink';
  return 'other';
}

/**
 * A root filesystem on the host as an image with one pseudo-layer, so consumers have one code path.
 * The walk never follows symlinks (they are reported as entries); a file seen again through another
 * hard link is reported as a `hardlink` to the first path, as tar does.
 */
export async function openDirImage(root: string, target: string, limits: ImageLimits): Promise<ReadableImage> {
  const stats = await lstat(root).catch(() => undefined);
  if (stats === undefined || !stats.isDirectory()) {
    throw new RampartError('FILE_NOT_FOUND', `${root} is not a directory`, { location: { file: root } });
  }
  const id = `sha256:${createHash('sha256').update(root).digest('hex')}`;
  const layer: LayerInfo = { index: 0, diffId: id, digest: id, size: 0, mediaType: 'application/vnd.rampart.dir' };
  return {
    target,
    imageId: id,
    platform: hostPlatform(),
    config: {},
    layers: [layer],
    limits,
    close: () => Promise.resolve(),
    [layerReaderKey]: {
      async readLayer(wanted, budget, sink) {
        if (wanted !== layer) throw new RampartError('INTERNAL', `layer does not belong to ${target}`);
        const seen = new Map<string, string>();
        const stack: string[] = [''];
        while (stack.length > 0) {
          const rel = stack.pop() as string;
          const names = (await readdir(path.join(root, rel))).sort();
          const dirs: string[] = [];
          for (const name of names) {
            const relPath = `${rel}/${name}`;
            if (relPath.length > limits.maxPathLength) {
              throw new RampartError('LIMIT_EXCEEDED', `path ${relPath.slice(0, 80)}… exceeds ${limits.maxPathLength} characters (maxPathLength)`, {
                location: { file: root },
              });
            }
            const host = path.join(root, relPath);
            const s = await lstat(host);
            spendEntry(budget, { file: root, path: relPath });
            const entry: LayerEntry = { path: relPath, kind: kindOf(s), mode: s.mode & 0o7777, size: s.isFile() ? s.size : 0, uid: s.uid, gid: s.gid };
            if (entry.kind === 'symlink') entry.linkTarget = await readlink(host);
            if (entry.kind === 'file' && s.nlink > 1) {
              const key = `${s.dev}:${s.ino}`;
              const first = seen.get(key);
              if (first === undefined) seen.set(key, relPath);
              else Object.assign(entry, { kind: 'hardlink', size: 0, linkTarget: first });
            }
            const content = (): Promise<Buffer> => (entry.kind === 'file' ? readFile(host) : Promise.resolve(Buffer.alloc(0)));
            await sink(entry, content);
            if (entry.kind === 'dir') dirs.push(relPath);
          }
          for (const dir of dirs.reverse()) stack.push(dir);
        }
      },
    },
  };
}
