import type { Command } from 'commander';
import { ExitCode, RampartError } from '../../core/index.js';
import { decodeEntry, hashLeaf, openCheckpoint, openTrailLog, openTrailSession, verifyInclusion } from '../../trail/index.js';
import type { CommandAction } from '../cli-command.js';
import { addStoreOption, storeSpec } from './trail-store-option.js';

export function registerTrailProof(trail: Command, wrap: (action: CommandAction) => (...args: unknown[]) => Promise<void>): void {
  addStoreOption(
    trail
      .command('proof')
      .description('print an entry with its RFC 6962 inclusion proof and the signed checkpoint it verifies against (JSON)')
      .requiredOption('--entry <n>', 'entry index (0-based)'),
  ).action(
    wrap(async (context, command) => {
      const { entry } = command.opts<{ entry: string }>();
      const index = Number(entry);
      if (!/^\d+$/.test(entry) || !Number.isSafeInteger(index)) throw new RampartError('USAGE', `--entry wants an entry index, got ${JSON.stringify(entry)}`);
      const session = await openTrailSession(context.io.env, storeSpec(command));
      try {
        const latest = await session.store.latestCheckpoint();
        if (latest === undefined || index >= latest.size) throw new RampartError('BAD_INPUT', `entry ${index} is not in the trail (size ${latest?.size ?? 0})`);
        const opened = openCheckpoint(latest.note, session.keys.verifier.name, session.keys.verifier);
        if (!opened.ok) throw new RampartError('TRAIL_TAMPERED', `the latest checkpoint does not verify: ${opened.reason}`);
        const log = await openTrailLog({ store: session.store, signer: session.keys.signer });
        const proof = await log.inclusionProof(index, latest.size);
        const [row] = await session.store.readEntries(index, 1);
        if (row === undefined || row.index !== index) throw new RampartError('TRAIL_TAMPERED', `entry ${index} is missing from the store`);
        const leafHash = hashLeaf(Buffer.from(row.data, 'utf8'));
        const check = verifyInclusion(index, latest.size, leafHash, proof, opened.checkpoint.rootHash);
        if (!check.ok) throw new RampartError('TRAIL_TAMPERED', `entry ${index} does not verify against the signed checkpoint: ${check.reason}`);
        await context.emit(`${JSON.stringify({
          index,
          treeSize: latest.size,
          leafHash: leafHash.toString('base64'),
          proof: proof.map((p) => p.toString('base64')),
          checkpoint: latest.note,
          verifierKey: session.keys.verifierKey,
          entryData: row.data,
          entry: decodeEntry(row.data, index),
        }, null, 2)}\n`);
        return ExitCode.ok;
      } finally {
        await session.store.close();
      }
    }),
  );
}
