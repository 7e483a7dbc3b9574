import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';
import { generateSignerKey, parseSignerKey, parseVerifierKey } from './note-keys.js';

export interface TrailKeys {
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  /** The verifier key text (publish it to let others verify checkpoints). */
  readonly verifierKey: string;
}

/**
 * Loads the trail's Ed25519 signing key from `file`, generating it on first use. The key file is
 * created with mode 0600 (exclusive create, so two recorders never write two keys), and a key file
 * readable by others is refused. The key name (the checkpoint origin) is `rampart.trail/<random>`.
 */
export function loadOrCreateSigningKey(file: string): TrailKeys {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${generateSignerKey(`rampart.trail/${randomBytes(4).toString('hex')}`)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new RampartError('IO_ERROR', `cannot create the signing key ${file}`, { cause: error });
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new RampartError('BAD_CONFIG', `signing key ${file} is accessible by group or others: chmod 600 it`, { location: { file } });
  }
  const signer = parseSignerKey(readFileSync(file, 'utf8').trim());
  if (signer === undefined) throw new RampartError('BAD_CONFIG', `signing key ${file} is not a signed-note Ed25519 key`, { location: { file } });
  const verifier = parseVerifierKey(signer.verifierKey);
  if (verifier === undefined) throw new RampartError('INTERNAL', 'derived verifier key does not parse');
  return { signer, verifier, verifierKey: signer.verifierKey };
}
