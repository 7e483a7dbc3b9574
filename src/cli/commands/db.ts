import type { Command } from 'commander';
import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import type { IndexStatus } from '../../vulndb/index.js';
import {
  buildIndex,
  DEFAULT_MAX_AGE_DAYS,
  defaultDbPath,
  defaultEcosystems,
  exportDatabase,
  importDatabase,
  openOsvMirror,
  openVulnIndex,
  OSV_PUBLIC_BASE,
  updateIndex,
} from '../../vulndb/index.js';
import type { CliCommand } from '../cli-command.js';
import type { CommandContext } from '../context.js';
import { chooseFormat } from '../global-options.js';

function dbPath(context: CommandContext, command: Command): string {
  const opts = command.opts<{ db?: string }>();
  return opts.db !== undefined ? path.resolve(context.io.cwd, opts.db) : defaultDbPath(context.io.env);
}

function renderStatus(status: IndexStatus, ageDays: number | undefined): string {
  const lines = [
    `database: ${status.file}`,
    `updated:  ${status.updatedAt ?? 'unknown'}${ageDays === undefined ? '' : ` (${ageDays.toFixed(1)} days ago)`}`,
    `records:  ${status.records} (${status.withdrawn} withdrawn)`,
    '',
    'ecosystem            records',
    ...status.ecosystems.map((e) => `${e.ecosystem.padEnd(20)} ${String(e.records).padStart(7)}`),
    '',
    'sources',
    ...status.sources.map((s) => `  ${s.location}${s.ecosystem ? ` [${s.ecosystem}]` : ''}: ${s.records} records, imported ${s.importedAt}${s.lastModified ? `, newest ${s.lastModified}` : ''}`),
  ];
  return `${lines.join('\n')}\n`;
}

const progress = (context: CommandContext) => (message: string): void => {
  if (context.io.stderr.isTTY === true && !context.globals.quiet) context.io.stderr.write(`\r\x1b[K${message}`);
};

export const dbCommand: CliCommand = {
  name: 'db',
  register(program, wrap) {
    const db = program.command('db').description('manage the local vulnerability database (OSV index)');
    const dbOption = ['--db <file>', 'database file (default: $RAMPART_HOME/vulndb.sqlite or ~/.cache/rampart/vulndb.sqlite)'] as const;

    db.command('build')
      .description('build the database from local OSV files, directories, all.zip archives, Alpine secdb or Debian tracker JSON')
      .requiredOption('--from <path...>', 'files or directories to read')
      .option(...dbOption)
      .action(
        wrap(async (context, command) => {
          const from = command.opts<{ from: string[] }>().from.map((p) => path.resolve(context.io.cwd, p));
          const summary = await buildIndex({ db: dbPath(context, command), from, onProgress: (n, s) => progress(context)(`${s}: ${n} records`) });
          if (summary.records === 0) throw new RampartError('DB_EMPTY', `no advisories found under ${from.join(', ')}; the old database is unchanged`);
          context.info(`built ${summary.db}: ${summary.records} records from ${summary.sources.length} source(s)`);
          return ExitCode.ok;
        }),
      );

    db.command('status')
      .description('show the sources, record counts per ecosystem and age of the database')
      .option(...dbOption)
      .action(
        wrap(async (context, command) => {
          const index = openVulnIndex(dbPath(context, command));
          try {
            const status = index.status();
            const ageDays = status.updatedAt === undefined ? undefined : (Date.now() - Date.parse(status.updatedAt)) / 86_400_000;
            if (status.records === 0) context.warn('the database holds no advisories: scans against it fail until `rampart db update` or `rampart db build` fills it');
            else if (ageDays !== undefined && ageDays > DEFAULT_MAX_AGE_DAYS) context.warn(`the database is ${Math.floor(ageDays)} days old; run 'rampart db update'`);
            const format = chooseFormat(context.globals, ['table', 'json'] as const, 'table');
            await context.emit(format === 'json' ? `${JSON.stringify({ ...status, ageDays }, null, 2)}\n` : renderStatus(status, ageDays));
          } finally {
            index.close();
          }
          return ExitCode.ok;
        }),
      );

    db.command('update')
      .description(`update from OSV's per-ecosystem archives (incremental through modified_id.csv); default source ${OSV_PUBLIC_BASE}`)
      .option('--source <url-or-dir>', 'a base URL or directory laid out like the OSV bucket (<Ecosystem>/all.zip, modified_id.csv, <ID>.json)')
      .option('--ecosystem <name...>', `ecosystems to fetch (default: ${defaultEcosystems.join(', ')})`)
      .option(...dbOption)
      .action(
        wrap(async (context, command) => {
          const opts = command.opts<{ source?: string; ecosystem?: string[] }>();
          const source = opts.source ?? OSV_PUBLIC_BASE;
          const mirror = openOsvMirror(/^https?:\/\//i.test(source) ? source : path.resolve(context.io.cwd, source));
          const results = await updateIndex({ db: dbPath(context, command), mirror, ecosystems: opts.ecosystem ?? [...defaultEcosystems], onProgress: progress(context) });
          if (context.io.stderr.isTTY === true && !context.globals.quiet) context.io.stderr.write('\n');
          for (const r of results) context.info(`${r.ecosystem}: ${r.mode === 'absent' ? 'not found at the source' : `${r.records} records (${r.mode})`}`);
          return ExitCode.ok;
        }),
      );

    db.command('export')
      .description('write the database as a bundle signed with an Ed25519 key (to --output FILE)')
      .requiredOption('--sign <private-key.pem>', 'Ed25519 private key (PEM, PKCS#8), e.g. from `openssl genpkey -algorithm ed25519`')
      .option(...dbOption)
      .action(
        wrap(async (context, command) => {
          const output = context.globals.output;
          if (output === undefined) throw new RampartError('USAGE', 'db export needs -o FILE');
          const key = path.resolve(context.io.cwd, command.opts<{ sign: string }>().sign);
          const result = await exportDatabase({ db: dbPath(context, command), output: path.resolve(context.io.cwd, output), signingKey: key });
          context.info(`exported ${result.size} bytes (sha256 ${result.sha256}) to ${output}`);
          return ExitCode.ok;
        }),
      );

    db.command('import')
      .description('verify a signed bundle and replace the database with it (the old one stays on any failure)')
      .argument('<bundle>', 'a file written by `rampart db export`')
      .requiredOption('--verify <public-key.pem>', 'Ed25519 public key (PEM, SPKI)')
      .option(...dbOption)
      .action(
        wrap(async (context, command) => {
          const [bundle] = command.processedArgs as [string];
          const key = path.resolve(context.io.cwd, command.opts<{ verify: string }>().verify);
          const result = await importDatabase({ bundle: path.resolve(context.io.cwd, bundle), db: dbPath(context, command), publicKey: key });
          context.info(`imported a bundle created ${result.createdAt} (sha256 ${result.sha256})`);
          return ExitCode.ok;
        }),
      );
  },
};
