import type { Command } from 'commander';
import { ExitCode } from '../../core/index.js';
import { hashLeaf, openTrailSession } from '../../trail/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import { addStoreOption, storeSpec } from './trail-store-option.js';

export function registerTrailExport(trail: Command, wrap: (action: CommandAction) => (...args: unknown[]) => Promise<void>): void {
  addStoreOption(
    trail
      .command('export')
      .description('export every entry as JSON lines: {"index", "leafHash", "data"} where data is the exact leaf bytes (entry JSON), then the latest checkpoint'),
  ).action(
    wrap(async (context, command) => {
      chooseFormat(context.globals, ['jsonl'], 'jsonl');
      const session = await openTrailSession(context.io.env, storeSpec(command));
      const lines: string[] = [];
      try {
        for (let from = 0; ; ) {
          const rows = await session.store.readEntries(from, 10_000);
          if (rows.length === 0) break;
          for (const r of rows) lines.push(`${JSON.stringify({ index: r.index, leafHash: hashLeaf(Buffer.from(r.data, 'utf8')).toString('base64'), data: r.data })}\n`);
          from = (rows[rows.length - 1]?.index ?? from) + 1;
        }
        const latest = await session.store.latestCheckpoint();
        if (latest !== undefined) lines.push(`${JSON.stringify({ checkpoint: latest.note, verifierKey: session.keys.verifierKey })}\n`);
      } finally {
        await session.store.close();
      }
      await context.emit(lines.join(''));
      return ExitCode.ok;
    }),
  );
}
