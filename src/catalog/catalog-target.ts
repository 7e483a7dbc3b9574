import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { OpenImageOptions } from '../image/index.js';
import { openImage } from '../image/index.js';
import type { Inventory } from '../sbom/index.js';
import { decodeSbom } from '../sbom/index.js';
import type { Analyzer } from './analyzer.js';
import { analyzers as builtinAnalyzers } from './builtin-analyzers.js';
import type { FactCache } from './catalog-source.js';
import { catalogSource } from './catalog-source.js';
import { imageSource } from './image-source.js';
import type { SkipPatterns } from './path-skipper.js';
import { createPathSkipper } from './path-skipper.js';

export interface CatalogTargetOptions {
  readonly image?: OpenImageOptions;
  readonly cache?: FactCache;
  /** Default: the built-in analyzers; lockfile analyzers only for `dir:` targets. */
  readonly analyzers?: readonly Analyzer[];
  readonly cwd?: string;
  /** `--skip-files` / `--skip-dirs` globs: in-image paths, or for `dir:` targets paths in (or, from `cwd`, into) the folder. */
  readonly skip?: SkipPatterns;
}

/**
 * Inventories any target: an image (docker-archive:, oci-archive:, oci-dir:, registry:, docker:),
 * a root filesystem or project folder (dir:), or an existing SBOM (sbom:FILE, CycloneDX or SPDX JSON).
 */
export async function catalogTarget(target: string, options: CatalogTargetOptions = {}): Promise<Inventory> {
  if (target.startsWith('sbom:')) {
    const file = path.resolve(options.cwd ?? process.cwd(), target.slice('sbom:'.length));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new RampartError('FILE_NOT_FOUND', `cannot read SBOM ${file}: ${(error as Error).message}`, { cause: error });
    }
    return decodeSbom(text, file);
  }
  const image = await openImage(target, options.image ?? {});
  try {
    const isDir = image.target.startsWith('dir:');
    const chosen = options.analyzers ?? builtinAnalyzers.units.filter((a) => isDir || a.declared !== true);
    const skip = createPathSkipper(options.skip ?? {}, { ...(isDir ? { root: image.target.slice('dir:'.length) } : {}), cwd: options.cwd ?? process.cwd() });
    return await catalogSource(imageSource(image), {
      analyzers: chosen,
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(skip !== undefined ? { skip } : {}),
    });
  } finally {
    await image.close();
  }
}
