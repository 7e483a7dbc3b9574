import { HASH_SIZE } from './hashing.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';
import { strictBase64 } from './note-keys.js';
import type { OpenedNote } from './signed-note.js';
import { openNote, signNote, verifierList } from './signed-note.js';

/** A C2SP tlog-checkpoint body: origin, decimal tree size, base64 root hash, optional extension lines. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly rootHash: Buffer;
  /** Extension lines after the root, verbatim (each ending in a newline). */
  readonly rest: string;
}

const MAX_U64 = (1n << 64n) - 1n;

/** Parses a checkpoint body; a string result names what is wrong. */
export function parseCheckpoint(text: string): Checkpoint | string {
  const lines = text.split('\n');
  if (lines.length < 4) return 'a checkpoint needs origin, size and root hash lines, each ending in a newline';
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin === '') return 'empty origin';
  if (!/^[0-9]+$/.test(sizeText) || (sizeText.length > 1 && sizeText.startsWith('0'))) return `bad tree size ${JSON.stringify(sizeText)}`;
  const size = BigInt(sizeText);
  if (size > MAX_U64) return 'tree size does not fit in 64 bits';
  const rootHash = strictBase64(rootText);
  if (rootHash === undefined) return 'root hash is not base64';
  const rest = lines.slice(3).join('\n');
  return { origin, size, rootHash, rest };
}

export function formatCheckpoint(checkpoint: Omit<Checkpoint, 'rest'> & { rest?: string }): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.rootHash.toString('base64')}\n${checkpoint.rest ?? ''}`;
}

export function signCheckpoint(checkpoint: Omit<Checkpoint, 'rest'> & { rest?: string }, signer: NoteSigner): string {
  return signNote(formatCheckpoint(checkpoint), [signer]);
}

export type CheckpointOutcome =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly note: OpenedNote }
  | { readonly ok: false; readonly reason: string };

/**
 * Opens a signed checkpoint: the note must carry a valid signature of `logVerifier`, the body must
 * parse, and its origin must be `origin`. Other verifiers (witnesses) are checked when present;
 * unknown signatures are ignored. `requireHashSize` also insists on a 32-byte root.
 */
export function openCheckpoint(
  signed: string | Uint8Array,
  origin: string,
  logVerifier: NoteVerifier,
  others: readonly NoteVerifier[] = [],
  requireHashSize = true,
): CheckpointOutcome {
  const opened = openNote(signed, verifierList([logVerifier, ...others]));
  if (!opened.ok) return { ok: false, reason: opened.reason };
  if (!opened.note.verified.some((s) => s.name === logVerifier.name && s.keyId === logVerifier.keyId)) {
    return { ok: false, reason: `no signature by the log key ${logVerifier.name}` };
  }
  const checkpoint = parseCheckpoint(opened.note.text);
  if (typeof checkpoint === 'string') return { ok: false, reason: checkpoint };
  if (checkpoint.origin !== origin) return { ok: false, reason: `origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(origin)}` };
  if (requireHashSize && checkpoint.rootHash.length !== HASH_SIZE) return { ok: false, reason: 'root hash is not 32 bytes' };
  return { ok: true, checkpoint, note: opened.note };
}
