import type { Command } from 'commander';
import { ExitCode, RampartError } from '../../core/index.js';
import { decodeEntry, openTrailSession } from '../../trail/index.js';
import type { EntryFilter, StoredEntry, TrailEntry } from '../../trail/index.js';
import type { CommandAction } from '../cli-command.js';
import { chooseFormat } from '../global-options.js';
import { addStoreOption, storeSpec } from './trail-store-option.js';

interface QueryOptions {
  container?: string;
  action?: string;
  kind?: string;
  since?: string;
  until?: string;
  limit?: string;
}

/** RFC 3339 time, Unix seconds, or a duration back from now (`90s`, `15m`, `2h`, `7d`). */
export function parseTimeBound(text: string, now: number, flag: string): number {
  const duration = /^(\d+)(s|m|h|d)$/.exec(text);
  if (duration !== null) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 's' | 'm' | 'h' | 'd'];
    return now - Number(duration[1]) * unit;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return Math.floor(Number(text) * 1000);
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new RampartError('USAGE', `${flag} wants an RFC 3339 time, Unix seconds or a duration like 15m, got ${JSON.stringify(text)}`);
  return t;
}

function describeEntry(e: TrailEntry): string {
  switch (e.kind) {
    case 'container': return e.container.name ?? e.container.id.slice(0, 12);
    case 'exec': return `${e.container.name ?? e.container.id.slice(0, 12)} ${e.exec.command ?? ''}`.trim();
    case 'image': return e.image.ref;
    case 'engine': return `${e.type} ${e.actorId.slice(0, 24)}`;
    case 'k8s-audit': return `${e.user ?? '-'} ${[e.object.namespace, e.object.resource, e.object.name].filter((x) => x !== undefined).join('/')}`;
    case 'alert': return `${e.priority} ${e.rule}`;
    case 'response': return `${e.outcome}${e.container === undefined ? '' : ` ${e.container.name ?? e.container.id}`}`;
  }
}

export function registerTrailQuery(trail: Command, wrap: (action: CommandAction) => (...args: unknown[]) => Promise<void>): void {
  addStoreOption(
    trail
      .command('query')
      .description('list trail entries matching filters (table, json or jsonl with --format)')
      .option('--container <id|name>', 'container ID (or prefix) or name')
      .option('--action <action>', 'action: create, start, stop, kill, die, destroy, exec_create, exec_start, exec_die, pull, push, delete, or a Kubernetes verb')
      .option('--kind <kind>', 'entry kind: container, exec, image, engine, k8s-audit, alert, response')
      .option('--since <time>', 'RFC 3339 time, Unix seconds or a duration back from now (15m, 2h, 7d)')
      .option('--until <time>', 'same forms as --since')
      .option('--limit <n>', 'at most N entries'),
  ).action(
    wrap(async (context, command) => {
      const opts = command.opts<QueryOptions>();
      const format = chooseFormat(context.globals, ['table', 'json', 'jsonl'], 'table');
      const now = Date.now();
      let action = opts.action;
      let kind = opts.kind;
      // `--action exec` means every exec event (exec_create, exec_start, exec_die).
      if (action === 'exec') {
        action = undefined;
        kind = kind ?? 'exec';
      }
      const filter: EntryFilter = {
        ...(opts.container === undefined ? {} : { container: opts.container }),
        ...(action === undefined ? {} : { action }),
        ...(kind === undefined ? {} : { kind }),
        ...(opts.since === undefined ? {} : { sinceMs: parseTimeBound(opts.since, now, '--since') }),
        ...(opts.until === undefined ? {} : { untilMs: parseTimeBound(opts.until, now, '--until') }),
        ...(opts.limit === undefined ? {} : { limit: Number(opts.limit) }),
      };
      if (filter.limit !== undefined && (!Number.isInteger(filter.limit) || filter.limit < 0)) throw new RampartError('USAGE', `--limit wants a whole number, got ${opts.limit}`);
      const session = await openTrailSession(context.io.env, storeSpec(command));
      let rows: StoredEntry[];
      try {
        rows = await session.store.query(filter);
      } finally {
        await session.store.close();
      }
      const entries = rows.map((r) => ({ index: r.index, entry: decodeEntry(r.data, r.index) }));
      if (format === 'json') await context.emit(`${JSON.stringify(entries, null, 2)}\n`);
      else if (format === 'jsonl') await context.emit(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      else {
        const lines = entries.map(({ index, entry }) => [String(index), entry.time, entry.kind, entry.action, describeEntry(entry)].join('\t'));
        await context.emit(`${['INDEX', 'TIME', 'KIND', 'ACTION', 'SUBJECT'].join('\t')}\n${lines.map((l) => `${l}\n`).join('')}`);
      }
      return ExitCode.ok;
    }),
  );
}
