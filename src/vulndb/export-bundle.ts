import Database from 'better-sqlite3';
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { RampartError } from '../core/index.js';
import { replaceAtomically } from './atomic-db-file.js';
import { openVulnIndex } from './vuln-index.js';

/**
 * A signed database bundle for air gaps and mirrors: a magic line, a JSON header line
 * `{size, sha256, createdAt, signature}`, then the SQLite index bytes. The Ed25519 signature covers
 * the size, digest and creation time, so a truncated, altered or re-signed-with-another-key bundle
 * is refused before anything is written.
 */
const MAGIC = 'RAMPART-VULNDB 1\n';

interface BundleHeader {
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
  readonly signature: string;
}

function signedMessage(h: Omit<BundleHeader, 'signature'>): Buffer {
  return Buffer.from(`rampart-vulndb-export v1\nsize=${h.size}\nsha256=${h.sha256}\ncreatedAt=${h.createdAt}\n`);
}

async function loadKey(file: string, kind: 'private' | 'public'): Promise<KeyObject> {
  let pem: Buffer;
  try {
    pem = await readFile(file);
  } catch (error) {
    throw new RampartError('FILE_NOT_FOUND', `cannot read ${kind} key ${file}`, { cause: error, location: { file } });
  }
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (error) {
    throw new RampartError('BAD_INPUT', `${file} is not a PEM ${kind} key`, { cause: error, location: { file } });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new RampartError('BAD_INPUT', `${file} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; Ed25519 is required`, { location: { file } });
  }
  return key;
}

export interface ExportOptions {
  readonly db: string;
  readonly output: string;
  /** PEM (PKCS#8) Ed25519 private key file. */
  readonly signingKey: string;
  readonly now?: () => Date;
}

export async function exportDatabase(options: ExportOptions): Promise<{ size: number; sha256: string }> {
  openVulnIndex(options.db).close();
  const key = await loadKey(options.signingKey, 'private');
  const payload = await readFile(options.db);
  const unsigned = {
    size: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
  };
  const header: BundleHeader = { ...unsigned, signature: sign(null, signedMessage(unsigned), key).toString('base64') };
  await replaceAtomically(options.output, (tmp) =>
    writeFile(tmp, Buffer.concat([Buffer.from(MAGIC), Buffer.from(`${JSON.stringify(header)}\n`), payload])),
  );
  return { size: unsigned.size, sha256: unsigned.sha256 };
}

function parseBundle(bytes: Buffer, file: string): { header: BundleHeader; payload: Buffer } {
  const refuse = (message: string): RampartError => new RampartError('DB_CORRUPT', `${file}: ${message}`, { location: { file } });
  if (!bytes.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw refuse('not a Rampart database bundle');
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw refuse('truncated header');
  let header: BundleHeader;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length, end).toString('utf8')) as BundleHeader;
  } catch (error) {
    throw new RampartError('DB_CORRUPT', `${file}: unreadable header`, { cause: error, location: { file } });
  }
  if (typeof header.size !== 'number' || typeof header.sha256 !== 'string' || typeof header.signature !== 'string' || typeof header.createdAt !== 'string') {
    throw refuse('incomplete header');
  }
  const payload = bytes.subarray(end + 1);
  if (payload.length !== header.size) throw refuse(`truncated or padded: ${payload.length} bytes of payload, header says ${header.size}`);
  return { header, payload };
}

export interface ImportOptions {
  readonly bundle: string;
  readonly db: string;
  /** PEM (SPKI) Ed25519 public key file. */
  readonly publicKey: string;
}

/** Verifies a bundle, then swaps it in atomically; on any failure the old database stays. */
export async function importDatabase(options: ImportOptions): Promise<{ size: number; sha256: string; createdAt: string }> {
  const key = await loadKey(options.publicKey, 'public');
  let bytes: Buffer;
  try {
    bytes = await readFile(options.bundle);
  } catch (error) {
    throw new RampartError('FILE_NOT_FOUND', `cannot read ${options.bundle}`, { cause: error, location: { file: options.bundle } });
  }
  const { header, payload } = parseBundle(bytes, options.bundle);
  const digest = createHash('sha256').update(payload).digest('hex');
  if (digest !== header.sha256) {
    throw new RampartError('DIGEST_MISMATCH', `${options.bundle}: payload digest ${digest} does not match its header`, { location: { file: options.bundle } });
  }
  const ok = verify(null, signedMessage(header), key, Buffer.from(header.signature, 'base64'));
  if (!ok) {
    throw new RampartError('SIGNATURE_INVALID', `${options.bundle}: the signature does not verify with ${options.publicKey}`, { location: { file: options.bundle } });
  }
  await replaceAtomically(options.db, async (tmp) => {
    await writeFile(tmp, payload);
    const check = new Database(tmp, { readonly: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new RampartError('DB_CORRUPT', `${options.bundle}: database integrity check failed (${String(result)})`);
    } finally {
      check.close();
    }
    openVulnIndex(tmp).close();
  });
  return { size: header.size, sha256: header.sha256, createdAt: header.createdAt };
}
