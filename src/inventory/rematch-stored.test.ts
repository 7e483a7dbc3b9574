import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithServices } from '../../test-support/services.js';
import type { Inventory, Package } from '../sbom/index.js';
import type { VulnIndex } from '../vulndb/index.js';
import { buildIndex, openVulnIndex } from '../vulndb/index.js';
import { recordInventory } from './record-inventory.js';
import { rematchStored } from './rematch-stored.js';
import { dropPostgresSbomStore, openPostgresSbomStore } from './postgres-sbom-store.js';
import type { SbomStore } from './sbom-store.js';
import { openSqliteSbomStore } from './sqlite-sbom-store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-rematch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npm = (name: string, version: string): Package => ({
  type: 'npm',
  name,
  version,
  purl: `pkg:npm/${name}@${version}`,
  licenses: [],
  evidence: { path: `app/node_modules/${name}/package.json`, layer: 'sha256:bb' },
});

const inventory = (target: string, packages: Package[]): Inventory => ({ schemaVersion: 1, target, packages, unknowns: [] });

/** An OSV record for an npm package: affected from `introduced`, fixed in `fixed`. */
function record(id: string, name: string, introduced: string, fixed: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    modified: '2026-01-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced }, { fixed }] }] }],
    ...extra,
  };
}

async function buildDb(name: string, records: Record<string, unknown>[]): Promise<VulnIndex> {
  const from = path.join(dir, `${name}-records`);
  mkdirSync(from, { recursive: true });
  for (const r of records) writeFileSync(path.join(from, `${String(r['id'])}.json`), JSON.stringify(r));
  const db = path.join(dir, `${name}.sqlite`);
  await buildIndex({ db, from: [from], now: () => new Date(name === 'v1' ? '2026-11-01T00:00:00Z' : '2026-11-02T00:00:00Z') });
  return openVulnIndex(db);
}

const first = [
  record('GHSA-lodash-1', 'lodash', '0', '4.17.12', { aliases: ['CVE-2019-10744'], database_specific: { severity: 'CRITICAL' } }),
  record('GHSA-minimist-1', 'minimist', '0', '0.2.1', { database_specific: { severity: 'MODERATE' } }),
];
const added = [
  // new: affects lodash 4.17.4 (app-a) but not 4.17.21 (app-b)
  record('GHSA-lodash-2', 'lodash', '4.0.0', '4.17.19', { database_specific: { severity: 'HIGH' } }),
  // new: affects express 4.16.0 in both
  record('GHSA-express-1', 'express', '0', '4.19.2', { database_specific: { severity: 'MODERATE' } }),
  // never affects what is stored
  record('GHSA-debug-1', 'debug', '0', '2.6.9', { database_specific: { severity: 'LOW' } }),
  // an alias of an advisory already reported: merged, not new
  record('OSV-lodash-mirror', 'lodash', '0', '4.17.12', { aliases: ['GHSA-lodash-1'] }),
];

/** Store two SBOMs, match against v1, add advisories (v2), re-match: exactly the new ones. */
async function addedAdvisoriesScenario(store: SbomStore): Promise<void> {
  await recordInventory(store, inventory('registry:example.test/app-a:1', [npm('lodash', '4.17.4'), npm('minimist', '0.0.8'), npm('express', '4.16.0'), npm('debug', '2.6.9')]));
  await recordInventory(store, inventory('registry:example.test/app-b:1', [npm('lodash', '4.17.21'), npm('express', '4.16.0')]));

  const v1 = await buildDb('v1', first);
  const r1 = await rematchStored({ store, index: v1, now: () => new Date('2026-11-01T01:00:00Z') });
  v1.close();
  // never matched before: every finding is new (the CVE alias is the primary id of the merged finding)
  expect(r1.targets.map((t) => [t.target, t.previous, t.added.map((m) => m.id).sort()])).toEqual([
    ['registry:example.test/app-a:1', undefined, ['CVE-2019-10744', 'GHSA-minimist-1']],
    ['registry:example.test/app-b:1', undefined, []],
  ]);

  const v2 = await buildDb('v2', [...first, ...added]);
  const r2 = await rematchStored({ store, index: v2, now: () => new Date('2026-11-02T01:00:00Z') }, { pageSize: 1 });
  expect(r2.targets.map((t) => [t.target, t.added.map((m) => `${m.id} ${m.package.name}@${m.package.version} ${m.severity}`).sort()])).toEqual([
    ['registry:example.test/app-a:1', ['GHSA-express-1 express@4.16.0 medium', 'GHSA-lodash-2 lodash@4.17.4 high']],
    ['registry:example.test/app-b:1', ['GHSA-express-1 express@4.16.0 medium']],
  ]);
  expect(r2.targets[0]?.previous).toEqual({ matchedAt: '2026-11-01T01:00:00.000Z', database: r1.database });
  expect(r2.targets[0]?.findings).toBe(4);
  expect(r2.totals).toMatchObject({ targets: 2, packages: 6, findings: 5, added: 3, changed: 0, resolved: 0 });
  expect(r2.database).not.toBe(r1.database);

  // the new baseline is stored: the same database again reports nothing new
  const r3 = await rematchStored({ store, index: v2 }, { record: false });
  expect(r3.totals.added).toBe(0);
  const stored = await store.get('registry:example.test/app-a:1');
  expect(stored?.baseline?.findings.map((k) => k.id).sort()).toEqual(['CVE-2019-10744', 'GHSA-express-1', 'GHSA-lodash-2', 'GHSA-minimist-1']);
  expect(stored?.baseline?.database).toBe(r2.database);
  v2.close();
  await store.close();
}

describe('rematchStored', () => {
  it('after adding advisories, reports exactly the new ones per target and records the baseline', async () => {
    await addedAdvisoriesScenario(openSqliteSbomStore(path.join(dir, 'store.sqlite')));
  });

  it('a changed fix or severity is reported as changed, a withdrawn advisory as resolved', async () => {
    const store = openSqliteSbomStore(path.join(dir, 'store-changes.sqlite'));
    await recordInventory(store, inventory('dir:/app', [npm('lodash', '4.17.4'), npm('minimist', '0.0.8')]));
    const v1 = await buildDb('v1', first);
    await rematchStored({ store, index: v1 });
    v1.close();
    const v3 = await buildDb('v3', [
      record('GHSA-lodash-1', 'lodash', '0', '4.17.13', { aliases: ['CVE-2019-10744'], database_specific: { severity: 'CRITICAL' } }),
      record('GHSA-minimist-1', 'minimist', '0', '0.2.1', { withdrawn: '2026-11-01T00:00:00Z' }),
    ]);
    const r = await rematchStored({ store, index: v3 });
    const t = r.targets[0]!;
    expect(t.added).toEqual([]);
    expect(t.changed.map((c) => [c.match.id, c.before.fixedVersion, c.match.fixedVersion])).toEqual([['CVE-2019-10744', '4.17.12', '4.17.13']]);
    expect(t.resolved.map((k) => k.id)).toEqual(['GHSA-minimist-1']);
    v3.close();
    await store.close();
  });

  it('reports packages it cannot match as unknowns, never as clean', async () => {
    const store = openSqliteSbomStore(path.join(dir, 'store-unknown.sqlite'));
    const deb: Package = { type: 'deb', name: 'zlib1g', version: '1:1.2.13.dfsg-1', purl: 'pkg:deb/zlib1g@1:1.2.13.dfsg-1', licenses: [], evidence: { path: 'var/lib/dpkg/status' } };
    await recordInventory(store, inventory('dir:/no-os', [deb]));
    await recordInventory(store, inventory('dir:/empty', []));
    const v1 = await buildDb('v1', first);
    const r = await rematchStored({ store, index: v1 });
    v1.close();
    expect(r.targets.map((t) => [t.target, t.unknowns.length])).toEqual([['dir:/empty', 1], ['dir:/no-os', 1]]);
    expect(r.targets[1]?.unknowns[0]?.reason).toContain('operating system of the deb package is unknown');
    await store.close();
  });
});

describeWithServices('rematchStored on the PostgreSQL store', ['postgres'], (addresses) => {
  const schema = `sbom_rematch_${randomBytes(6).toString('hex')}`;
  afterAll(() => dropPostgresSbomStore(addresses.postgres, schema));
  it('after adding advisories, reports exactly the new ones per target and records the baseline', async () => {
    await addedAdvisoriesScenario(await openPostgresSbomStore(addresses.postgres, schema));
  });
});
