import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Rampart's own package.json, found by walking up from `fromUrl` (a module's
 * `import.meta.url`). Works from src/, from dist/ and from the bundled CLI in dist/cli/, whose
 * depth below the root differs; throws if the package was taken apart.
 */
export function packageRoot(fromUrl: string): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && isRampartManifest(manifest)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`rampart's package.json was not found above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

function isRampartManifest(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'rampart';
  } catch {
    return false;
  }
}
