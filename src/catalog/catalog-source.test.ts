import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Analyzer } from './analyzer.js';
import { defineAnalyzer } from './analyzer.js';
import { goMod } from './analyzers/go-mod.js';
import { catalogSource, chainIdOf } from './catalog-source.js';
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
  ['a go.sum of another layer is no companion', [{ '/src/go.sum': goSumText }, { '/src/go.mod': goModText }], ['pkg:golang/github.com/a/a@v1.0.0 /src/go.mod']],
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

it('caches the squashed inventory of the layer stack: a second run walks nothing and gives the same inventory', async () => {
  const store = new Map<string, unknown>();
  const cache = { get: (d: string, k: string) => store.get(`${d} ${k}`), put: (d: string, k: string, v: unknown) => void store.set(`${d} ${k}`, structuredClone(v)) };
  const layers = [{ '/src/go.mod': goModText, '/src/go.sum': goSumText }, { '/src/go.sum': null }];
  let walks = 0;
  const source = (): CatalogSource => {
    const inner = memorySource(layers);
    return { ...inner, target: `test:${walks}`, cacheable: true, walk: (v) => ((walks += 1), inner.walk(v)) };
  };
  const first = await catalogSource(source(), { analyzers: [goMod], cache });
  const second = await catalogSource(source(), { analyzers: [goMod], cache });
  expect(walks).toBe(1);
  expect(second).toEqual({ ...first, target: 'test:1' });
  expect([...store.keys()].filter((k) => k.includes(' inventory@')).map((k) => k.split(' ')[0])).toEqual([chainIdOf(['sha256:'.padEnd(71, '0'), `sha256:${'1'.padStart(64, '0')}`])]);
  // another analyzer set is another key: the layers are walked again
  await catalogSource(source(), { analyzers: [], cache });
  expect(walks).toBe(2);
});

it('computes OCI ChainIDs', () => {
  const a = `sha256:${'a'.repeat(64)}`;
  const b = `sha256:${'b'.repeat(64)}`;
  expect(chainIdOf([a])).toBe(a);
  // sha256 of "sha256:aaa… sha256:bbb…", as the image spec defines ChainID(L1) = Digest(ChainID(L0) + " " + DiffID(L1))
  expect(chainIdOf([a, b])).toBe(`sha256:${createHash('sha256').update(`${a} ${b}`).digest('hex')}`);
});
