import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './package-root.js';

describe('packageRoot', () => {
  it('finds the package from any depth below it', () => {
    const root = packageRoot(import.meta.url);
    expect(existsSync(path.join(root, 'package.json'))).toBe(true);
    expect(packageRoot(pathToFileURL(path.join(root, 'src', 'runtime', 'watch', 'x.js')).href)).toBe(root);
  });

  it('throws outside the package', () => {
    expect(() => packageRoot(pathToFileURL('/x.js').href)).toThrow(/package.json was not found/);
  });
});
