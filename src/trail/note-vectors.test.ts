import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { openCheckpoint, parseCheckpoint, formatCheckpoint } from './checkpoint.js';
import { createCompactRange } from './compact-range.js';
import { hashLeaf } from './hashing.js';
import type { NoteVerifier } from './note-keys.js';
import { parseSignerKey, parseVerifierKey } from './note-keys.js';
import { buildConsistencyProof, buildInclusionProof } from './proof-builder.js';
import { verifyConsistency, verifyInclusion } from './proof-verification.js';
import { openNote, parseNote, signNote, verifierList } from './signed-note.js';
import type { NodeId } from './tree-ranges.js';

// Not run, with reasons: signature types other than Ed25519 (0x01) — ECDSA 0x02 notes (Rekor v1,
// Pixel), RFC 6962 0x05 static-CT notes, cosignature 0x04/ML-DSA 0x06 vkeys, the CT-go ECDSA STH and
// the sigstore-conformance bundles (which are Sigstore bundle verification, not log verification).
// The trail signs and verifies only Ed25519 notes; every Ed25519 vector below is run.

const tally = { pass: 0, total: 0 };
const count = (ok: boolean): boolean => {
  tally.total += 1;
  if (ok) tally.pass += 1;
  return ok;
};
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;
const mustVerifier = (text: string): NoteVerifier => {
  const v = parseVerifierKey(text);
  if (v === undefined) throw new Error(`bad vkey ${text}`);
  return v;
};

describeWithTestdata('signed-note and checkpoint vectors (C2SP)', (root) => {
  const base = path.join(root, 'merkle');
  afterAll(() => {
    console.log(`signed-note/checkpoint vectors: ${tally.pass}/${tally.total} pass`);
  });

  it('golang.org/x/mod sumdb/note: keys, signing, lookups, Open', () => {
    const v = readJson(path.join(base, 'golang-mod', 'golang-mod-sumdb-note.vectors.json')) as {
      keys: Record<string, string>;
      new_verifier: { valid: string[]; invalid: string[] };
      sign: { skey: string; text: string; want: string; errors: { text?: string }[]; add_signature_example: { input: string; add_signer_skey: string; want: string } };
      verifier_list: { lookup: [string, string]; list: string[]; expect: string }[];
      open: { desc: string; msg: { hex: string }; verifiers: string[]; expect: { ok: boolean; error?: string; sigs?: string[]; unverified_sigs?: string[] } }[];
    };
    for (const k of v.new_verifier.valid) expect(count(parseVerifierKey(k) !== undefined)).toBe(true);
    for (const k of v.new_verifier.invalid) expect(count(parseVerifierKey(k) === undefined)).toBe(true);
    // Mangling rule: every proper substring, and every single byte incremented, must be rejected.
    for (const key of [v.new_verifier.valid[0] as string]) {
      for (let i = 0; i <= key.length; i += 1) {
        for (let j = i; j <= key.length; j += 1) {
          if (i === 0 && j === key.length) continue;
          expect(count(parseVerifierKey(key.slice(i, j)) === undefined), key.slice(i, j)).toBe(true);
        }
        if (i < key.length) {
          const mangled = key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
          expect(count(parseVerifierKey(mangled) === undefined), mangled).toBe(true);
        }
      }
    }
    const peter = parseSignerKey(v.sign.skey);
    expect(count(peter !== undefined && peter.verifierKey === v.keys['PeterNeumann_vkey'])).toBe(true);
    if (peter === undefined) return;
    expect(count(signNote(v.sign.text, [peter]) === v.sign.want)).toBe(true);
    expect(count((() => { try { signNote('abc', [peter]); return false; } catch { return true; } })())).toBe(true);
    const enoch = parseSignerKey(v.sign.add_signature_example.add_signer_skey);
    expect(count(enoch !== undefined && enoch.verifierKey === v.keys['EnochRoot_vkey'])).toBe(true);
    const parsed = parseNote(v.sign.add_signature_example.input);
    if (typeof parsed === 'string' || enoch === undefined) throw new Error('example note did not parse');
    expect(count(signNote(parsed.text, [enoch], parsed.signatures) === v.sign.add_signature_example.want)).toBe(true);
    for (const c of v.verifier_list) {
      const got = verifierList(c.list.map(mustVerifier))(c.lookup[0], Number.parseInt(c.lookup[1], 16));
      const want = c.expect.startsWith('error: ambiguous') ? 'ambiguous' : c.expect.startsWith('error') ? undefined : c.lookup[0];
      const gotLabel = got === 'ambiguous' || got === undefined ? got : got.name;
      expect(count(gotLabel === want), c.expect).toBe(true);
    }
    for (const c of v.open) {
      const got = openNote(Buffer.from(c.msg.hex, 'hex'), verifierList(c.verifiers.map(mustVerifier)));
      let ok = got.ok === c.expect.ok;
      if (got.ok && c.expect.sigs !== undefined) {
        ok &&= JSON.stringify(got.note.verified.map((s) => `${s.name}+${s.keyId.toString(16).padStart(8, '0')}`)) === JSON.stringify(c.expect.sigs);
        ok &&= got.note.unverified.length === (c.expect.unverified_sigs ?? []).length;
      }
      if (!got.ok && c.expect.error !== undefined) {
        const kind = c.expect.error.startsWith('malformed') ? 'malformed' : c.expect.error.startsWith('invalid signature') ? 'invalid-signature'
          : c.expect.error.startsWith('ambiguous') ? 'ambiguous-key' : 'unverified';
        ok &&= got.error === kind;
      }
      expect(count(ok), c.desc).toBe(true);
    }
  });

  it('C2SP signed-note spec example', () => {
    const v = readJson(path.join(base, 'c2sp', 'c2sp-signed-note-and-checkpoint-examples.vectors.json')) as { verifiable: { vkey: string; signed_note: string } };
    expect(count(openNote(v.verifiable.signed_note, verifierList([mustVerifier(v.verifiable.vkey)])).ok)).toBe(true);
  });

  it('transparency-dev/formats checkpoint bodies and signed checkpoints', () => {
    const cp = readJson(path.join(base, 'transparency-dev-formats', 'transparency-dev-formats-log-checkpoint_test.vectors.json')) as {
      unmarshal: { desc: string; input: string; expect: 'error' | { origin: string; size: number; hash_b64: string; rest: string } }[];
      marshal: { origin: string; size: number; hash_utf8: string; want: string }[];
    };
    for (const c of cp.unmarshal) {
      const got = parseCheckpoint(c.input);
      const ok = c.expect === 'error' ? typeof got === 'string'
        : typeof got !== 'string' && got.origin === c.expect.origin && got.size === BigInt(c.expect.size) && got.rootHash.toString('base64') === c.expect.hash_b64 && got.rest === c.expect.rest;
      expect(count(ok), c.desc).toBe(true);
    }
    for (const c of cp.marshal) {
      expect(count(formatCheckpoint({ origin: c.origin, size: BigInt(c.size), rootHash: Buffer.from(c.hash_utf8) }) === c.want)).toBe(true);
    }
    const nt = readJson(path.join(base, 'transparency-dev-formats', 'transparency-dev-formats-log-note_test.vectors.json')) as {
      keys: Record<string, string>;
      parse_checkpoint_cases: { desc: string; origin_expected: string; signed_note_derived: string | null; expect_error: boolean }[];
      sumdb_real: { vkey: string; note: string; cases: { expected_origin: string; expect: string; size?: number }[] };
      sumdb_with_extra_sigs: { note: string; extra_vkeys: string[] };
    };
    const logV = mustVerifier(nt.keys['logVK'] as string);
    const others = [nt.keys['known1VK'] as string, nt.keys['known2VK'] as string].map(mustVerifier);
    for (const c of nt.parse_checkpoint_cases) {
      // "no sigs" has no note upstream (signing with no signers fails): there is nothing to open.
      const got = c.signed_note_derived === null ? { ok: false } : openCheckpoint(c.signed_note_derived, c.origin_expected, logV, others, false);
      expect(count(got.ok === !c.expect_error), c.desc).toBe(true);
    }
    for (const c of nt.sumdb_real.cases) {
      const got = openCheckpoint(nt.sumdb_real.note, c.expected_origin, mustVerifier(nt.sumdb_real.vkey));
      expect(count(got.ok === (c.expect === 'valid') && (!got.ok || got.checkpoint.size === BigInt(c.size ?? -1)))).toBe(true);
    }
    const extra = openNote(nt.sumdb_with_extra_sigs.note, verifierList([nt.sumdb_real.vkey, ...nt.sumdb_with_extra_sigs.extra_vkeys].map(mustVerifier)));
    expect(count(extra.ok && extra.note.verified.length === 4)).toBe(true);
  });

  it('sigstore/rekor checkpoint parsing and 2-entry tree proofs', () => {
    const cp = readJson(path.join(base, 'sigstore-rekor', 'sigstore-rekor-checkpoint_test.vectors.json')) as {
      unmarshal: { input: string; expect: 'error' | { origin: string; size: number; hash_b64: string } }[];
      signed_note_parse: { desc: string; input: string; expect: string }[];
    };
    for (const c of cp.unmarshal) {
      const got = parseCheckpoint(c.input);
      const ok = c.expect === 'error' ? typeof got === 'string' : typeof got !== 'string' && got.origin === c.expect.origin && got.size === BigInt(c.expect.size) && got.rootHash.toString('base64') === c.expect.hash_b64;
      expect(count(ok), c.input).toBe(true);
    }
    for (const c of cp.signed_note_parse) {
      const parsed = parseNote(c.input);
      const ok = typeof parsed !== 'string' && typeof parseCheckpoint(parsed.text) !== 'string';
      expect(count(ok === (c.expect === 'parses')), c.desc).toBe(true);
    }
    const v = readJson(path.join(base, 'sigstore-rekor', 'sigstore-rekor-verify_test.vectors.json')) as {
      inclusion_cases: { name: string; leaf_index: number; tree_size: number; body_b64: string; root_hex: string; proof_hex: string[]; expect: string }[];
      consistency_cases: { name: string; old: { size: number; root_hex: string }; new: { size: number; root_hex: string }; proof_hex: string[]; expect: string }[];
    };
    const hex = (s: string): Buffer => Buffer.from(s, 'hex');
    for (const c of v.inclusion_cases) {
      const got = verifyInclusion(c.leaf_index, c.tree_size, hashLeaf(Buffer.from(c.body_b64, 'base64')), c.proof_hex.map(hex), hex(c.root_hex));
      expect(count(got.ok === (c.expect === 'valid')), c.name).toBe(true);
    }
    for (const c of v.consistency_cases) {
      const got = verifyConsistency(c.old.size, c.new.size, hex(c.old.root_hex), hex(c.new.root_hex), c.proof_hex.map(hex));
      expect(count(got.ok === (c.expect === 'valid')), c.name).toBe(true);
    }
  });

  it.each(['tessera-testdata', 'serverless-log-testdata'])('%s: every signed checkpoint verifies and matches our tree and proofs', async (dir) => {
    const v = readJson(path.join(base, dir, `${dir}-log.vectors.json`)) as {
      vkey: string; origin?: string; leaf_data_utf8: string[]; checkpoints: { file: string; size: number; root_b64: string }[];
    };
    const verifier = mustVerifier(v.vkey);
    const origin = v.origin ?? verifier.name;
    const nodes = new Map<string, Buffer>();
    const range = createCompactRange();
    const roots: Buffer[] = [range.root()];
    for (const word of v.leaf_data_utf8) {
      for (const n of range.appendLeafData(Buffer.from(word))) nodes.set(`${n.level}/${n.index}`, n.hash);
      roots.push(range.root());
    }
    const reader = async (ids: readonly NodeId[]): Promise<Buffer[]> => ids.map((id) => nodes.get(`${id.level}/${id.index}`) as Buffer);
    const opened: Buffer[] = [];
    for (const c of v.checkpoints) {
      const got = openCheckpoint(readFileSync(path.join(base, dir, c.file)), origin, verifier);
      const ok = got.ok && got.checkpoint.size === BigInt(c.size) && got.checkpoint.rootHash.equals(roots[c.size] as Buffer);
      expect(count(ok), c.file).toBe(true);
      if (got.ok) opened[c.size] = got.checkpoint.rootHash;
    }
    const n = v.leaf_data_utf8.length;
    for (let size = 1; size <= n; size += 1) {
      for (let i = 0; i < size; i += 1) {
        const proof = await buildInclusionProof(i, size, reader);
        expect(verifyInclusion(i, size, hashLeaf(Buffer.from(v.leaf_data_utf8[i] as string)), proof, opened[size] as Buffer).ok).toBe(true);
      }
      for (let old = 1; old <= size; old += 1) {
        const proof = await buildConsistencyProof(old, size, reader);
        expect(verifyConsistency(old, size, opened[old] as Buffer, opened[size] as Buffer, proof).ok).toBe(true);
      }
    }
  });
});
