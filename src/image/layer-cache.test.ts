import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTar, writeLayout } from './__fixtures__/build-test-image.js';
import { openLayerCache, rampartCacheHome } from './layer-cache.js';
import { openImage } from './open-image.js';
import { walkLayers } from './walk-layers.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'rampart-cache-test-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('layer cache', () => {
  it('stores values by diffID and analyzer key, across reopenings', () => {
    const diffId = `sha256:${'a'.repeat(64)}`;
    const cache = openLayerCache({ home });
    expect(cache.get(diffId, 'dpkg@1')).toBeUndefined();
    cache.put(diffId, 'dpkg@1', { packages: [{ name: 'libc6', version: '2.36-9' }] });
    cache.put(diffId, 'dpkg@1', { packages: [{ name: 'libc6', version: '2.36-9+deb12u1' }] });
    cache.close();
    expect(existsSync(path.join(home, 'layer-cache.sqlite'))).toBe(true);
    const again = openLayerCache({ home });
    expect(again.get(diffId, 'dpkg@1')).toEqual({ packages: [{ name: 'libc6', version: '2.36-9+deb12u1' }] });
    expect(again.get(diffId, 'dpkg@2')).toBeUndefined();
    again.close();
  });

  it.each([
    [{ RAMPART_HOME: '/srv/rampart' }, '/srv/rampart'],
    [{}, path.join(os.homedir(), '.cache', 'rampart')],
  ])('finds its home from %j', (env, expected) => {
    expect(rampartCacheHome(env)).toBe(expected);
  });

  it('lets a walk skip layers whose facts are cached, so an unchanged layer is read once', async () => {
    const dir = writeLayout(path.join(home, 'image'), [
      { tar: await makeTar([{ name: 'etc/os-release', content: 'ID=test\n' }]) },
      { tar: await makeTar([{ name: 'app/main.js', content: 'x' }]) },
    ]);
    const cache = openLayerCache({ home });
    const key = 'file-count@1';
    const run = async (): Promise<{ read: number; counts: unknown[] }> => {
      const image = await openImage(`oci-dir:${dir}`);
      let read = 0;
      const counts = new Map<string, number>();
      await walkLayers(image, {
        layer: (layer) => cache.get(layer.diffId, key) === undefined,
        entry: (_entry, layer) => {
          read++;
          counts.set(layer.diffId, (counts.get(layer.diffId) ?? 0) + 1);
        },
      });
      for (const [diffId, count] of counts) cache.put(diffId, key, count);
      const result = image.layers.map((l) => cache.get(l.diffId, key));
      await image.close();
      return { read, counts: result };
    };
    expect(await run()).toEqual({ read: 2, counts: [1, 1] });
    expect(await run()).toEqual({ read: 0, counts: [1, 1] });
    cache.close();
  });
});
