import { expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { defineAnalyzer } from './analyzer.js';
import { goMod } from './analyzers/go-mod.js';
import { catalogSource } from './catalog-source.js';
import type { CatalogSource, SourceEntry } from './layer-source.js';

/** An in-memory source: layers of files (and whiteouts), walked in order. */
function memorySource(layers: readonly Readonly<Record<string, string | null>>[]): CatalogSource {
  const ids = layers.map((_, i) => ({ index: i, diffId: `sha256:${String(i).padStart(64, '0')}` }));
  return {
    target: 'test:memory',
    layers: ids,
    cacheable: false,
    async walk(visitor) {
      for (const [i, files] of layers.entries()) {
        const layer = ids[i];
        if (layer === undefined || (await visitor.layer?.(layer)) === false) continue;
        for (const [path, text] of Object.entries(files)) {
          const entry: SourceEntry = text === null ? { path, kind: 'whiteout', mode: 0, size: 0 } : { path, kind: 'file', mode: 0o644, size: text.length };
          await visitor.entry(entry, layer, () => Promise.resolve(Buffer.from(text ?? '')));
        }
      }
    },
  };
}

const goModText = 'module m\ngo 1.16\nrequire github.com/a/a v1.0.0\n';
const goSumText = 'github.com/a/a v1.0.0 h1:x=\ngithub.com/b/b v0.3.0/go.mod h1:y=\n';

it.each([
  ['go.mod and go.sum of one layer are read together', [{ '/src/go.sum': goSumText, '/src/go.mod': goModText }], ['pkg:golang/github.com/a/a@v1.0.0 /src/go.mod', 'pkg:golang/github.com/b/b@v0.3.0 /src/go.mod']],
  ['a later layer replaces the go.mod of an earlier one', [{ '/src/go.mod': goModText }, { '/src/go.mod': 'module m\ngo 1.21\nrequire github.com/c/c v2.0.0+incompatible\n' }], ['pkg:golang/github.com/c/c@v2.0.0+incompatible /src/go.mod']],
  ['a whiteout removes it', [{ '/src/go.mod': goModText }, { '/src/go.mod': null }], []],
] as const)('companion files: %s', async (_label, layers, want) => {
  const inv = await catalogSource(memorySource(layers), { analyzers: [goMod] });
  expect(inv.packages.map((p) => `${p.purl} ${p.evidence.path}`).sort()).toEqual(want);
  expect(inv.unknowns).toEqual([]);
});

it('an analyzer reading companions that throws leaves an unknown on each of its files, and other analyzers still run', async () => {
  const broken: Analyzer = defineAnalyzer({
    id: 'broken',
    version: 1,
    description: 'throws',
    readsCompanions: true,
    required: (p) => p.endsWith('.lock'),
    analyze: () => {
      throw new Error('boom');
    },
  });
  const inv = await catalogSource(memorySource([{ '/a.lock': 'x', '/b.lock': 'y', '/src/go.mod': goModText }]), { analyzers: [broken, goMod] });
  expect(inv.unknowns.map((u) => `${u.location.path}: ${u.reason}`)).toEqual(['/a.lock: analyzer broken failed: boom', '/b.lock: analyzer broken failed: boom']);
  expect(inv.packages.map((p) => p.name)).toEqual(['github.com/a/a']);
});
