import { createHash } from 'node:crypto';
import { lstat, opendir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogSource, SourceEntry, SourceLayer } from './layer-source.js';

/**
 * A root filesystem directory as one pseudo-layer (diffId = sha256 of the absolute path), read in
 * place without following symlinks out of the root. Not cacheable: its content changes.
 */
export function dirSource(root: string, target = `dir:${path.resolve(root)}`): CatalogSource {
  const abs = path.resolve(root);
  const layer: SourceLayer = { index: 0, diffId: `sha256:${createHash('sha256').update(abs).digest('hex')}` };
  return {
    target,
    imageId: layer.diffId,
    layers: [layer],
    cacheable: false,
    async walk(visitor) {
      if ((await visitor.layer?.(layer)) === false) return;
      const stack: string[] = [''];
      while (stack.length > 0) {
        const rel = stack.pop() ?? '';
        const dir = await opendir(path.join(abs, rel));
        const names: string[] = [];
        for await (const d of dir) names.push(d.name);
        names.sort();
        const subdirs: string[] = [];
        for (const name of names) {
          const relPath = `${rel}/${name}`;
          const full = path.join(abs, relPath);
          const st = await lstat(full);
          const entry: SourceEntry = st.isDirectory()
            ? { path: relPath, kind: 'dir', mode: st.mode & 0o7777, size: 0 }
            : st.isSymbolicLink()
              ? { path: relPath, kind: 'symlink', mode: st.mode & 0o7777, size: 0, linkTarget: await readlink(full) }
              : st.isFile()
                ? { path: relPath, kind: 'file', mode: st.mode & 0o7777, size: st.size }
                : { path: relPath, kind: 'other', mode: st.mode & 0o7777, size: 0 };
          await visitor.entry(entry, layer, () => readFile(full));
          if (st.isDirectory()) subdirs.push(relPath);
        }
        stack.push(...subdirs.reverse());
      }
    },
  };
}
