import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

// These prove the quality gates of the repository's own lint config fail on what they must.
describe('lint gates', () => {
  it('fails on a default export', async () => {
    expect(await problems('src/core/sample.ts', 'export default function f(): number { return 1; }\n')).toEqual([
      'no-restricted-syntax: Named exports only (CONVENTIONS.md).',
    ]);
  });
  it('fails on core importing a domain', async () => {
    const found = await problems('src/core/sample.ts', "import { x } from '../image/index.js';\nexport const y = x;\n");
    expect(found).toEqual(['rampart/import-boundaries: Import boundary: core imports no domain (imports src/image)']);
  });
  it("fails on a domain reaching into another domain's internals", async () => {
    const found = await problems('src/catalog/sample.ts', "import { x } from '../image/layer-walker.js';\nexport const y = x;\n");
    expect(found).toEqual([
      'rampart/import-boundaries: Import boundary: import src/image through its index.ts, not ../image/layer-walker.js',
    ]);
  });
  it('fails on anything importing cli', async () => {
    const found = await problems('src/server/sample.ts', "import { main } from '../cli/index.js';\nexport const m = main;\n");
    expect(found).toEqual(['rampart/import-boundaries: Import boundary: nothing imports cli (imported from src/server)']);
  });
  it('allows imports through an index and within a domain', async () => {
    const code = "import { x } from '../image/index.js';\nimport { y } from './model.js';\nexport const z = [x, y];\n";
    expect(await problems('src/catalog/sample.ts', code)).toEqual([]);
  });
  it('fails on grab-bag file names', async () => {
    expect(await problems('src/image/utils.ts', 'export const a = 1;\n')).toEqual([
      "rampart/file-names: File name: 'utils' is a grab-bag name: name the file for what it does",
    ]);
    expect(await problems('src/common/thing.ts', 'export const a = 1;\n')).toHaveLength(1);
  });
  it('fails on a file over 400 lines', async () => {
    const code = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect((await problems('src/core/long.ts', code)).some((p) => p.startsWith('max-lines'))).toBe(true);
  });
  it('fails on an enum', async () => {
    expect(await problems('src/core/sample.ts', 'export enum Color { Red }\n')).toEqual([
      'no-restricted-syntax: No enums: use `as const` objects and string unions.',
    ]);
  });
});
