import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import { openTrailSession, parseVerifierKey, verifyLog } from '../../trail/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import { writeFileAtomic } from '../io.js';
import { addStoreOption, storeSpec } from './trail-store-option.js';

interface VerifyOptions {
  trusted?: string;
  key?: string;
  updateTrusted?: boolean;
}

export function registerTrailVerify(trail: Command, wrap: (action: CommandAction) => (...args: unknown[]) => Promise<void>): void {
  addStoreOption(
    trail
      .command('verify')
      .description('verify the whole log (every entry, leaf hash and signed checkpoint) and its consistency with the last trusted checkpoint; exit 1 naming the first bad index')
      .option('--trusted <file>', 'trusted checkpoint to prove consistency from (default: $RAMPART_HOME/trail/trusted.checkpoint, if present)')
      .option('--key <vkey>', 'verifier key (name+id+key) to check signatures with (default: the local signing key)')
      .option('--no-update-trusted', 'do not store the verified checkpoint as the new trusted one'),
  ).action(
    wrap(async (context, command) => {
      const opts = command.opts<VerifyOptions>();
      const format = chooseFormat(context.globals, ['table', 'json'], 'table');
      const session = await openTrailSession(context.io.env, storeSpec(command));
      try {
        const verifier = opts.key === undefined ? session.keys.verifier : parseVerifierKey(opts.key);
        if (verifier === undefined) throw new RampartError('USAGE', '--key is not a signed-note Ed25519 verifier key');
        const trustedFile = opts.trusted === undefined ? session.paths.trustedCheckpoint : path.resolve(context.io.cwd, opts.trusted);
        if (opts.trusted !== undefined && !existsSync(trustedFile)) throw new RampartError('FILE_NOT_FOUND', `trusted checkpoint ${opts.trusted} not found`, { location: { file: opts.trusted } });
        const trusted = existsSync(trustedFile) ? readFileSync(trustedFile, 'utf8') : undefined;
        const verdict = await verifyLog({ store: session.store, verifier, origin: verifier.name, ...(trusted === undefined ? {} : { trustedCheckpoint: trusted }) });
        if (!verdict.ok) {
          if (format === 'json') await context.emit(`${JSON.stringify({ ok: false, firstBadIndex: verdict.firstBadIndex, reason: verdict.reason })}\n`);
          throw new RampartError('TRAIL_TAMPERED', `trail verification failed at index ${verdict.firstBadIndex}: ${verdict.reason}`, { detail: { firstBadIndex: verdict.firstBadIndex } });
        }
        if (opts.updateTrusted !== false && verdict.checkpoint !== '') await writeFileAtomic(trustedFile, verdict.checkpoint);
        const summary = {
          ok: true, size: verdict.size, rootHash: verdict.rootHash.toString('base64'), checkpoints: verdict.checked.checkpoints,
          consistentWithTrustedSize: verdict.checked.trustedSize ?? null, verifierKey: opts.key ?? session.keys.verifierKey,
        };
        await context.emit(format === 'json' ? `${JSON.stringify(summary)}\n`
          : `trail OK: ${summary.size} entries, root ${summary.rootHash}, ${summary.checkpoints} signed checkpoints${summary.consistentWithTrustedSize === null ? '' : `, consistent with trusted size ${summary.consistentWithTrustedSize}`}\n`);
        return ExitCode.ok;
      } finally {
        await session.store.close();
      }
    }),
  );
}
