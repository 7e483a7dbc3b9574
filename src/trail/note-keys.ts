import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * C2SP signed-note keys, Ed25519 (signature type 0x01; ECDSA type 0x02 verifiers are also read). Verifier key text:
 * `<name>+<hex key ID>+base64(0x01 || 32-byte public key)`; signer key text:
 * `PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)`. The key ID is the first four
 * bytes of SHA-256(name || 0x0A || 0x01 || public key).
 */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(message: Uint8Array): Buffer;
  /** The matching verifier key text. */
  readonly verifierKey: string;
}

const ALG_ED25519 = 0x01;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function isValidKeyName(name: string): boolean {
  if (name === '' || name.includes('+')) return false;
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0x20 || cp === 0x7f || ch === '\uFFFD') return false;
  }
  return true;
}

export function keyIdOf(name: string, algorithmAndKey: Uint8Array): number {
  const digest = createHash('sha256').update(name).update(Buffer.from([0x0a])).update(algorithmAndKey).digest();
  return digest.readUInt32BE(0);
}

function strictBase64(text: string): Buffer | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

export { strictBase64 };

function hex8(id: number): string {
  return id.toString(16).padStart(8, '0');
}

function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url');
}

/** `name+hash+key`: the name holds no '+', the hash is 8 characters, the base64 key may hold '+'. */
function splitKey(text: string): [string, string, string] | undefined {
  const first = text.indexOf('+');
  if (first < 0 || text[first + 9] !== '+') return undefined;
  return [text.slice(0, first), text.slice(first + 1, first + 9), text.slice(first + 10)];
}

const ALG_ECDSA = 0x02;

/**
 * Type 0x02 keys (ECDSA P-256 with SHA-256, as Rekor v1 and some witnesses sign notes): the key is
 * a DER SubjectPublicKeyInfo and the key ID is SHA-256(SPKI)[:4]. Verification only: the trail
 * itself signs with Ed25519.
 */
function ecdsaVerifier(name: string, keyId: number, spki: Buffer): NoteVerifier | undefined {
  if (createHash('sha256').update(spki).digest().readUInt32BE(0) !== keyId) return undefined;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    return undefined; // not a public key: malformed
  }
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return undefined;
  return { name, keyId, verify: (message, signature) => verify('sha256', message, publicKey, signature) };
}

/** Parses a verifier key; undefined when it is malformed (wrong shape, algorithm, length or ID). */
export function parseVerifierKey(text: string): NoteVerifier | undefined {
  const parts = splitKey(text);
  if (parts === undefined) return undefined;
  const [name, idHex, keyB64] = parts;
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex)) return undefined;
  const key = strictBase64(keyB64);
  if (key !== undefined && key[0] === ALG_ECDSA) return ecdsaVerifier(name, Number.parseInt(idHex, 16), key.subarray(1));
  if (key === undefined || key.length !== 33 || key[0] !== ALG_ED25519) return undefined;
  const keyId = Number.parseInt(idHex, 16);
  if (keyIdOf(name, key) !== keyId) return undefined;
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyFromRaw(key.subarray(1));
  } catch {
    return undefined; // not a point on the curve: a malformed key, reported as such by the caller
  }
  return {
    name,
    keyId,
    verify: (message, signature) => signature.length === 64 && verify(null, message, publicKey, signature),
  };
}

/** Parses a signer key; undefined when it is malformed. */
export function parseSignerKey(text: string): NoteSigner | undefined {
  if (!text.startsWith('PRIVATE+KEY+')) return undefined;
  const parts = splitKey(text.slice('PRIVATE+KEY+'.length));
  if (parts === undefined) return undefined;
  const [name, idHex, keyB64] = parts;
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex)) return undefined;
  const key = strictBase64(keyB64);
  if (key === undefined || key.length !== 33 || key[0] !== ALG_ED25519) return undefined;
  const privateKey = privateKeyFromSeed(key.subarray(1));
  const publicRaw = Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey(createPublicKey(privateKey))]);
  const keyId = keyIdOf(name, publicRaw);
  if (keyId !== Number.parseInt(idHex, 16)) return undefined;
  return {
    name,
    keyId,
    sign: (message) => sign(null, message, privateKey),
    verifierKey: `${name}+${hex8(keyId)}+${publicRaw.toString('base64')}`,
  };
}

/** A fresh Ed25519 signer key text for `name`. */
export function generateSignerKey(name: string): string {
  if (!isValidKeyName(name)) throw new Error(`invalid key name ${JSON.stringify(name)}`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const seed = der.subarray(der.length - 32);
  const publicRaw = Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey(createPublicKey(privateKey))]);
  const keyId = keyIdOf(name, publicRaw);
  return `PRIVATE+KEY+${name}+${hex8(keyId)}+${Buffer.concat([Buffer.from([ALG_ED25519]), seed]).toString('base64')}`;
}

export function formatKeyId(id: number): string {
  return hex8(id);
}
