import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLayerCache, rampartCacheHome } from './layer-cache.js';

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
});
