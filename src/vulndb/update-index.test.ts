import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { openOsvMirror, parseModifiedIds } from './osv-mirror.js';
import { updateIndex } from './update-index.js';
import { openVulnIndex } from './vuln-index.js';

/** Serves `root` on 127.0.0.1 (port 0) like OSV's bucket and logs every requested path. */
async function serve(root: string): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(rel);
    readFile(path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, '')))
      .then((body) => res.writeHead(200).end(body))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describeWithTestdata('db update from a mirror laid out like the OSV bucket', (root) => {
  it('loads all.zip first, then fetches only what modified_id.csv lists as changed', async () => {
    const bucket = await mkdtemp(path.join(tmpdir(), 'rampart-bucket-'));
    await mkdir(path.join(bucket, 'Alpine'));
    await copyFile(
      path.join(root, 'vulndb', 'distro', 'fixtures', 'vuls-data-update', 'fetch', 'alpine', 'osv', 'testdata', 'fixtures', 'all.zip'),
      path.join(bucket, 'Alpine', 'all.zip'),
    );
    await writeFile(
      path.join(bucket, 'Alpine', 'modified_id.csv'),
      '2025-09-30T05:26:33.336199Z,ALPINE-CVE-2023-46850\n2025-06-02T10:46:27.499829Z,CVE-2024-10524\n',
    );
    const http = await serve(bucket);
    try {
      const db = path.join(await mkdtemp(path.join(tmpdir(), 'rampart-upd-')), 'v.sqlite');
      const mirror = openOsvMirror(http.url);
      const first = await updateIndex({ db, mirror, ecosystems: ['Alpine', 'Wolfi'] });
      expect(first).toEqual([
        { ecosystem: 'Alpine', mode: 'full', records: 2 },
        { ecosystem: 'Wolfi', mode: 'absent', records: 0 },
      ]);
      expect(http.requests).toEqual(['/Alpine/all.zip', '/Wolfi/all.zip']);

      // a new advisory and a changed one appear in the bucket
      const added = {
        id: 'ALPINE-CVE-2099-0001',
        modified: '2026-01-02T00:00:00Z',
        affected: [{ package: { ecosystem: 'Alpine:v3.22', name: 'musl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.5-r20' }] }] }],
      };
      await writeFile(path.join(bucket, 'Alpine', 'ALPINE-CVE-2099-0001.json'), JSON.stringify(added));
      await writeFile(
        path.join(bucket, 'Alpine', 'modified_id.csv'),
        '2026-01-02T00:00:00Z,ALPINE-CVE-2099-0001\n2025-09-30T05:26:33.336199Z,ALPINE-CVE-2023-46850\n2025-06-02T10:46:27.499829Z,CVE-2024-10524\n',
      );
      http.requests.length = 0;
      const second = await updateIndex({ db, mirror, ecosystems: ['Alpine'] });
      expect(second).toEqual([{ ecosystem: 'Alpine', mode: 'incremental', records: 1 }]);
      expect(http.requests).toEqual(['/Alpine/modified_id.csv', '/Alpine/ALPINE-CVE-2099-0001.json']);
      const index = openVulnIndex(db);
      expect(index.status().records).toBe(3);
      expect(index.recordsFor('Alpine', 'musl')[0]!.origin).toBe(`${http.url}/Alpine/ALPINE-CVE-2099-0001.json`);
      index.close();

      // nothing changed: no record is fetched
      http.requests.length = 0;
      expect(await updateIndex({ db, mirror, ecosystems: ['Alpine'] })).toEqual([{ ecosystem: 'Alpine', mode: 'incremental', records: 0 }]);
      expect(http.requests).toEqual(['/Alpine/modified_id.csv']);

      // a failing mirror leaves the database as it was
      const before = await readFile(db);
      await writeFile(path.join(bucket, 'Alpine', 'ALPINE-CVE-2099-0002.json'), '{"id": 1}');
      await writeFile(path.join(bucket, 'Alpine', 'modified_id.csv'), '2026-02-01T00:00:00Z,ALPINE-CVE-2099-0002\n');
      await expect(updateIndex({ db, mirror, ecosystems: ['Alpine'] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect((await readFile(db)).equals(before)).toBe(true);
    } finally {
      await http.close();
    }
  });

  it('works the same from a local directory', async () => {
    const bucket = await mkdtemp(path.join(tmpdir(), 'rampart-bucket-'));
    await mkdir(path.join(bucket, 'Debian'));
    await copyFile(
      path.join(root, 'vulndb', 'distro', 'fixtures', 'vuls-data-update', 'fetch', 'debian', 'osv', 'testdata', 'fixtures', 'all.zip'),
      path.join(bucket, 'Debian', 'all.zip'),
    );
    const db = path.join(bucket, 'v.sqlite');
    expect(await updateIndex({ db, mirror: openOsvMirror(bucket), ecosystems: ['Debian'] })).toEqual([{ ecosystem: 'Debian', mode: 'full', records: 3 }]);
  });
});

it('parses modified_id.csv and skips malformed lines', () => {
  expect(parseModifiedIds('2024-01-01T00:00:00Z,GHSA-1\nnonsense\n,X\n2023-01-01T00:00:00Z,../etc\n')).toEqual([{ modified: '2024-01-01T00:00:00Z', id: 'GHSA-1' }]);
});
