import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithServices } from '../../test-support/services.js';
import { isRampartError } from '../core/index.js';
import type { Inventory, Package } from '../sbom/index.js';
import type { MatchBaseline, SbomStore } from './sbom-store.js';
import { dropPostgresSbomStore, openPostgresSbomStore } from './postgres-sbom-store.js';
import { openSqliteSbomStore } from './sqlite-sbom-store.js';
import { defaultStorePath, openSbomStore } from './store-location.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-sbom-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pkg = (name: string, version: string): Package => ({
  type: 'deb',
  name,
  version,
  purl: `pkg:deb/debian/${name}@${version}?distro=debian-12`,
  sourceName: name,
  licenses: ['MIT'],
  evidence: { path: 'var/lib/dpkg/status', layer: 'sha256:aa' },
});

const inventory = (target: string, packages: Package[] = [pkg('zlib1g', '1:1.2.13.dfsg-1'), pkg('openssl', '3.0.11-1~deb12u2')]): Inventory => ({
  schemaVersion: 1,
  target,
  imageId: `sha256:${target.length.toString(16).padStart(64, '0')}`,
  os: { family: 'debian', version: '12', name: 'Debian GNU/Linux 12 (bookworm)' },
  packages,
  unknowns: [{ reason: 'an unreadable file', location: { path: 'x' } }],
});

const baseline: MatchBaseline = {
  matchedAt: '2026-11-01T00:00:00.000Z',
  database: '2026-10-31T00:00:00.000Z (12 records)',
  findings: [{ id: 'CVE-2023-1', aliases: ['DSA-1'], ecosystem: 'Debian', package: 'openssl', version: '3.0.11-1~deb12u2', severity: 'high', fixedVersion: '3.0.13-1' }],
};

interface Harness {
  open(): Promise<SbomStore>;
  cleanup(): Promise<void>;
}

/** The conformance suite every SbomStore implementation runs: `fresh()` gives an empty store per test. */
function conformance(name: string, fresh: () => Harness): void {
  describe(`SbomStore conformance: ${name}`, () => {
    const harnesses: Harness[] = [];
    const open = async (): Promise<SbomStore> => {
      const h = fresh();
      harnesses.push(h);
      return h.open();
    };
    afterAll(async () => {
      for (const h of harnesses) await h.cleanup();
    });
    it('round-trips an inventory exactly, with its image id and catalog time', async () => {
      const store = await open();
      const inv = inventory('docker-archive:/images/app.tar');
      await store.put({ inventory: inv, catalogedAt: '2026-11-28T10:00:00.000Z' });
      expect(await store.get(inv.target)).toEqual({ target: inv.target, imageId: inv.imageId, catalogedAt: '2026-11-28T10:00:00.000Z', inventory: inv });
      expect(await store.get('docker-archive:/other.tar')).toBeUndefined();
      await store.close();
    });

    it('keeps the baseline when an inventory is replaced without one, replaces it when given', async () => {
      const store = await open();
      const target = 'registry:example.test/app:1';
      await store.put({ inventory: inventory(target), catalogedAt: '2026-11-28T10:00:00.000Z', baseline });
      expect((await store.get(target))?.baseline).toEqual(baseline);
      const newer = inventory(target, [pkg('openssl', '3.0.15-1~deb12u1')]);
      await store.put({ inventory: newer, catalogedAt: '2026-11-29T10:00:00.000Z' });
      const got = await store.get(target);
      expect(got?.inventory).toEqual(newer);
      expect(got?.catalogedAt).toBe('2026-11-29T10:00:00.000Z');
      expect(got?.baseline).toEqual(baseline);
      const next: MatchBaseline = { matchedAt: '2026-11-30T00:00:00.000Z', database: 'db2', findings: [] };
      await store.setBaselines([{ target, baseline: next }]);
      expect((await store.get(target))?.baseline).toEqual(next);
      await store.close();
    });

    it('lists every SBOM once, in target order, page by page; counts and removes', async () => {
      const store = await open();
      const targets = Array.from({ length: 7 }, (_v, i) => `registry:example.test/app-${String(6 - i)}:1`);
      for (const t of targets) await store.put({ inventory: inventory(t), catalogedAt: '2026-11-28T10:00:00.000Z' });
      expect(await store.count()).toBe(7);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.list({ ...(after === undefined ? {} : { after }), limit: 3 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        seen.push(...page.map((s) => s.target));
        after = page.at(-1)?.target;
      }
      expect(seen).toEqual([...targets].sort());
      expect(await store.remove(targets[0]!)).toBe(true);
      expect(await store.remove(targets[0]!)).toBe(false);
      expect(await store.count()).toBe(6);
      await store.close();
    });

    it('persists across reopening', async () => {
      const h = fresh();
      harnesses.push(h);
      const first = await h.open();
      await first.put({ inventory: inventory('dir:/rootfs'), catalogedAt: '2026-11-28T10:00:00.000Z', baseline });
      await first.close();
      const second = await h.open();
      expect((await second.get('dir:/rootfs'))?.baseline).toEqual(baseline);
      expect(await second.count()).toBe(1);
      await second.close();
    });
  });
}

conformance('sqlite', () => {
  const file = path.join(mkdtempSync(path.join(dir, 'c-')), 'nested', 'store.sqlite');
  return { open: async () => openSqliteSbomStore(file), cleanup: async () => {} };
});

describeWithServices('postgres SBOM store', ['postgres'], (addresses) => {
  conformance('postgres', () => {
    const schema = `sbom_test_${randomBytes(6).toString('hex')}`;
    return { open: () => openPostgresSbomStore(addresses.postgres, schema), cleanup: () => dropPostgresSbomStore(addresses.postgres, schema) };
  });
});

describe('bad SBOM store files', () => {
  const expectCode = (fn: () => unknown, code: string, file: string): void => {
    try {
      fn();
    } catch (error) {
      expect(isRampartError(error, code as never)).toBe(true);
      expect((error as Error).message).toContain(file);
      return;
    }
    throw new Error('expected an error');
  };

  it.each([
    ['a text file', (f: string) => writeFileSync(f, 'not a database at all, just text\n'.repeat(200))],
    ['another SQLite database', (f: string) => new Database(f).exec('CREATE TABLE meta (key TEXT, value TEXT); CREATE TABLE records (id TEXT)').close()],
    ['a store of another kind', (f: string) => new Database(f).exec("CREATE TABLE meta (key TEXT, value TEXT); CREATE TABLE sboms (x); INSERT INTO meta VALUES ('kind', 'other')").close()],
  ])('%s is BAD_STORE naming the file', (_name, make) => {
    const file = path.join(mkdtempSync(path.join(dir, 'bad-')), 'store.sqlite');
    make(file);
    expectCode(() => openSqliteSbomStore(file), 'BAD_STORE', file);
  });

  it('a missing store is FILE_NOT_FOUND when it must exist, an unknown URL scheme is a usage error', async () => {
    const file = path.join(dir, 'missing', 'store.sqlite');
    expectCode(() => openSqliteSbomStore(file, { create: false }), 'FILE_NOT_FOUND', file);
    await expect(openSbomStore('mysql://db.example/rampart')).rejects.toThrow(/mysql:\/\/db\.example\/rampart/);
  });

  it('a tampered inventory row is BAD_STORE naming the file and the target', async () => {
    const file = path.join(mkdtempSync(path.join(dir, 'tamper-')), 'store.sqlite');
    const store = openSqliteSbomStore(file);
    await store.put({ inventory: inventory('dir:/a'), catalogedAt: '2026-11-28T10:00:00.000Z' });
    await store.close();
    const db = new Database(file);
    db.prepare('UPDATE sboms SET inventory = ?').run(deflateRawSync('{"schemaVersion":1,"target":"dir:/a","packages":[{"name":3}],"unknowns":[]}'));
    db.close();
    const reopened = openSqliteSbomStore(file);
    await expect(reopened.get('dir:/a')).rejects.toThrow(/store\.sqlite.*dir:\/a.*packages\.0/);
    const raw = new Database(file);
    raw.prepare('UPDATE sboms SET inventory = ?').run(Buffer.from('plain text'));
    raw.close();
    await expect(reopened.get('dir:/a')).rejects.toThrow(/store\.sqlite.*dir:\/a.*not deflate data/);
    await reopened.close();
  });
});

describe('defaultStorePath', () => {
  it.each([
    [{ RAMPART_HOME: '/r' }, '/r/sbom-store.sqlite'],
    [{ XDG_DATA_HOME: '/x', HOME: '/h' }, '/x/rampart/sbom-store.sqlite'],
    [{ HOME: '/h' }, '/h/.local/share/rampart/sbom-store.sqlite'],
  ])('%j → %s', (env, want) => {
    expect(defaultStorePath(env)).toBe(want);
  });
});
