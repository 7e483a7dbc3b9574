import { createHash, hash } from 'node:crypto';

/** RFC 6962 / RFC 9162 §2.1.1 hashing with SHA-256: leaves prefixed 0x00, interior nodes 0x01. */
export const HASH_SIZE = 32;

// One-shot `crypto.hash` over one buffer: cheaper than a Hash object per call on the append path.
export function hashLeaf(data: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return hash('sha256', input, 'buffer');
}

/** `hashLeaf` of a string's UTF-8 bytes, encoded straight after the prefix byte (one copy, not two). */
export function hashLeafText(text: string): Buffer {
  const input = Buffer.allocUnsafe(Buffer.byteLength(text, 'utf8') + 1);
  input[0] = 0x00;
  input.write(text, 1, 'utf8');
  return hash('sha256', input, 'buffer');
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(left.length + right.length + 1);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, left.length + 1);
  return hash('sha256', input, 'buffer');
}

/** MTH({}) = SHA-256 of the empty string. */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
