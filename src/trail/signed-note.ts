import type { NoteSigner, NoteVerifier } from './note-keys.js';
import { formatKeyId, isValidKeyName, strictBase64 } from './note-keys.js';

/** A C2SP signed note: text, then a blank line, then `— <name> base64(keyID || signature)` lines. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The base64 text after the name, as written. */
  readonly base64: string;
}

export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  readonly unverified: readonly NoteSignature[];
}

export type NoteOutcome =
  | { readonly ok: true; readonly note: OpenedNote }
  | { readonly ok: false; readonly error: NoteErrorKind; readonly reason: string; readonly note?: OpenedNote };

export type NoteErrorKind = 'malformed' | 'unverified' | 'invalid-signature' | 'ambiguous-key';

const SIG_PREFIX = '\u2014 ';
const MAX_SIGNATURES = 100;

/** Looks a verifier up by name and key ID: unknown → undefined, more than one → 'ambiguous'. */
export type VerifierLookup = (name: string, keyId: number) => NoteVerifier | undefined | 'ambiguous';

export function verifierList(verifiers: readonly NoteVerifier[]): VerifierLookup {
  return (name, keyId) => {
    const found = verifiers.filter((v) => v.name === name && v.keyId === keyId);
    if (found.length > 1) return 'ambiguous';
    return found[0];
  };
}

const malformed = (reason: string): NoteOutcome => ({ ok: false, error: 'malformed', reason });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Splits and parses a note without verifying it. */
export function parseNote(message: Uint8Array | string): { text: string; signatures: NoteSignature[] } | string {
  const decoded = typeof message === 'string' ? message : decodeUtf8(message);
  if (decoded === undefined) return 'not UTF-8';
  for (const ch of decoded) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 && ch !== '\n') return 'control character in note';
  }
  const split = decoded.lastIndexOf('\n\n');
  if (split < 0) return 'no blank line before signatures';
  const text = decoded.slice(0, split + 1);
  const sigBlock = decoded.slice(split + 2);
  if (sigBlock === '' || !sigBlock.endsWith('\n')) return 'signature block missing or unterminated';
  const lines = sigBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return `more than ${MAX_SIGNATURES} signatures`;
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(SIG_PREFIX)) return 'signature line without the em-dash prefix';
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.indexOf(' ');
    if (space < 0) return 'signature line without a name';
    const name = rest.slice(0, space);
    const b64 = rest.slice(space + 1);
    if (!isValidKeyName(name)) return 'bad signature name';
    const raw = strictBase64(b64);
    if (raw === undefined || raw.length < 5) return 'signature is not base64 or too short';
    signatures.push({ name, keyId: raw.readUInt32BE(0), base64: b64 });
  }
  return { text, signatures };
}

/** Parses and verifies a note (the semantics of Go's `note.Open`). */
export function openNote(message: Uint8Array | string, lookup: VerifierLookup): NoteOutcome {
  const parsed = parseNote(message);
  if (typeof parsed === 'string') return malformed(parsed);
  const textBytes = Buffer.from(parsed.text, 'utf8');
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of parsed.signatures) {
    const verifier = lookup(sig.name, sig.keyId);
    const label = `${sig.name}+${formatKeyId(sig.keyId)}`;
    if (verifier === 'ambiguous') return { ok: false, error: 'ambiguous-key', reason: `ambiguous key ${label}` };
    if (verifier === undefined) {
      const key = `${label} ${sig.base64}`;
      if (!seen.has(key)) {
        seen.add(key);
        unverified.push(sig);
      }
      continue;
    }
    if (verified.some((v) => v.name === sig.name && v.keyId === sig.keyId)) continue;
    const raw = strictBase64(sig.base64) as Buffer;
    if (!verifier.verify(textBytes, raw.subarray(4))) {
      return { ok: false, error: 'invalid-signature', reason: `invalid signature for key ${label}` };
    }
    verified.push(sig);
  }
  const note = { text: parsed.text, verified, unverified };
  if (verified.length === 0) return { ok: false, error: 'unverified', reason: 'note has no verifiable signatures', note };
  return { ok: true, note };
}

/** Signs `text` (must end in a newline) with each signer; existing signatures by them are replaced. */
export function signNote(text: string, signers: readonly NoteSigner[], existing: readonly NoteSignature[] = []): string {
  if (!text.endsWith('\n')) throw new Error('note text must end in a newline');
  const bytes = Buffer.from(text, 'utf8');
  const kept = existing.filter((s) => !signers.some((g) => g.name === s.name && g.keyId === s.keyId));
  const fresh = signers.map((s) => {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId, 0);
    return { name: s.name, keyId: s.keyId, base64: Buffer.concat([id, s.sign(bytes)]).toString('base64') };
  });
  const lines = [...kept, ...fresh].map((s) => `${SIG_PREFIX}${s.name} ${s.base64}\n`);
  return `${text}\n${lines.join('')}`;
}
