import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { buildIndex } from './build-index.js';
import { exportDatabase, importDatabase } from './export-bundle.js';
import { openVulnIndex } from './vuln-index.js';

async function keys(dir: string, name: string): Promise<{ priv: string; pub: string }> {
  const pair = generateKeyPairSync('ed25519');
  const priv = path.join(dir, `${name}.key`);
  const pub = path.join(dir, `${name}.pub`);
  await writeFile(priv, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await writeFile(pub, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  return { priv, pub };
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (error) {
    return isRampartError(error) ? error.code : `untyped: ${String(error)}`;
  }
  return undefined;
}

const record = (id: string, name: string): string =>
  JSON.stringify({ id, modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }] });

describe('db export --sign / db import --verify (Ed25519)', () => {
  it('round-trips a signed bundle and refuses bad signatures, other keys, tampering and truncation', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rampart-bundle-'));
    await writeFile(path.join(dir, 'a.json'), record('OSV-A', 'left-pad'));
    await writeFile(path.join(dir, 'b.json'), record('OSV-B', 'right-pad'));
    const source = path.join(dir, 'source.sqlite');
    await buildIndex({ db: source, from: [path.join(dir, 'a.json'), path.join(dir, 'b.json')] });
    const mine = await keys(dir, 'mine');
    const theirs = await keys(dir, 'theirs');
    const bundle = path.join(dir, 'out', 'db.bundle');
    const exported = await exportDatabase({ db: source, output: bundle, signingKey: mine.priv });
    expect(exported.sha256).toMatch(/^[0-9a-f]{64}$/);

    // the target already has an older database that must survive every refused import
    await writeFile(path.join(dir, 'old.json'), record('OSV-OLD', 'old'));
    const target = path.join(dir, 'target.sqlite');
    await buildIndex({ db: target, from: [path.join(dir, 'old.json')] });
    const before = await readFile(target);
    const bytes = await readFile(bundle);
    const variant = async (name: string, content: Buffer): Promise<string> => {
      const file = path.join(dir, name);
      await writeFile(file, content);
      return file;
    };
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] = flipped[flipped.length - 10]! ^ 0xff;
    const header = bytes.toString('latin1');
    const sigAt = header.indexOf('"signature":"') + 13;
    const badSig = Buffer.from(bytes);
    badSig[sigAt] = badSig[sigAt] === 0x41 ? 0x42 : 0x41;
    const cases: [string, string, string][] = [
      ['wrong key', bundle, 'SIGNATURE_INVALID'],
      ['altered signature', await variant('sig.bundle', badSig), 'SIGNATURE_INVALID'],
      ['altered payload', await variant('flip.bundle', flipped), 'DIGEST_MISMATCH'],
      ['truncated', await variant('trunc.bundle', bytes.subarray(0, bytes.length - 100)), 'DB_CORRUPT'],
      ['header only', await variant('head.bundle', bytes.subarray(0, 30)), 'DB_CORRUPT'],
      ['not a bundle', await variant('junk.bundle', Buffer.from('hello')), 'DB_CORRUPT'],
    ];
    for (const [name, file, code] of cases) {
      const key = name === 'wrong key' ? theirs.pub : mine.pub;
      expect([name, await codeOf(importDatabase({ bundle: file, db: target, publicKey: key }))]).toEqual([name, code]);
      expect((await readFile(target)).equals(before)).toBe(true);
    }
    expect(await codeOf(importDatabase({ bundle, db: target, publicKey: mine.pub }))).toBe(undefined);
    const imported = openVulnIndex(target);
    expect(imported.status().records).toBe(2);
    expect(imported.recordsFor('npm', 'left-pad').map((r) => r.record.id)).toEqual(['OSV-A']);
    imported.close();
  });

  it('refuses a non-Ed25519 signing key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rampart-bundle-'));
    await writeFile(path.join(dir, 'a.json'), record('OSV-A', 'x'));
    await buildIndex({ db: path.join(dir, 'db.sqlite'), from: [path.join(dir, 'a.json')] });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await writeFile(path.join(dir, 'rsa.key'), rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(await codeOf(exportDatabase({ db: path.join(dir, 'db.sqlite'), output: path.join(dir, 'o'), signingKey: path.join(dir, 'rsa.key') }))).toBe('BAD_INPUT');
  });
});
