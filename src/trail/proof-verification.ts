import { HASH_SIZE, hashChildren, sameHash } from './hashing.js';

/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2 verification. Sizes are bigint so that sizes near 2^64 work.
 * Outcomes are values: `{ ok: false, reason }` names why a proof does not verify.
 */
export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: ProofCheck = { ok: true };
const no = (reason: string): ProofCheck => ({ ok: false, reason });

function big(n: number | bigint): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

export function verifyInclusion(
  leafIndexIn: number | bigint,
  treeSizeIn: number | bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  const leafIndex = big(leafIndexIn);
  const treeSize = big(treeSizeIn);
  if (leafIndex < 0n || leafIndex >= treeSize) return no(`leaf index ${leafIndex} is outside the tree of size ${treeSize}`);
  if (leafHash.length !== HASH_SIZE) return no(`leaf hash has ${leafHash.length} bytes, want ${HASH_SIZE}`);
  let fn = leafIndex;
  let sn = treeSize - 1n;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0n) return no('proof is longer than the tree is deep');
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return no('proof is shorter than the tree is deep');
  return sameHash(r, root) ? OK : no('computed root does not match');
}

/**
 * Consistency between an old and a new tree head. Policy (merkle MANIFEST §Policy): an old size of 0
 * is always refused (nothing to prove, as transparency-dev and rekor); equal sizes need an empty proof and identical roots.
 */
export function verifyConsistency(
  oldSizeIn: number | bigint,
  newSizeIn: number | bigint,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): ProofCheck {
  const oldSize = big(oldSizeIn);
  const newSize = big(newSizeIn);
  if (oldSize > newSize) return no(`old size ${oldSize} is larger than new size ${newSize}`);
  if (oldSize === 0n) return no('consistency from an empty tree is not provable');
  if (oldSize === newSize) {
    if (proof.length > 0) return no('equal sizes need an empty proof');
    return sameHash(oldRoot, newRoot) ? OK : no('equal sizes but different roots');
  }
  if (proof.length === 0) return no('empty proof');
  const path = [...proof];
  if ((oldSize & (oldSize - 1n)) === 0n) path.unshift(oldRoot);
  let fn = oldSize - 1n;
  let sn = newSize - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Uint8Array = path[0] as Uint8Array;
  let sr: Uint8Array = fr;
  for (const c of path.slice(1)) {
    if (sn === 0n) return no('proof is too long');
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return no('proof is too short');
  if (!sameHash(fr, oldRoot)) return no('old root does not match');
  if (!sameHash(sr, newRoot)) return no('new root does not match');
  return OK;
}
