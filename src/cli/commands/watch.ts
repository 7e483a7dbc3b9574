import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import { createAlertSink, parseOutputSpec, parseSourceSpec, watch } from '../../runtime/index.js';
import type { CliCommand } from '../cli-command.js';

interface WatchFlags {
  rules?: string[];
  source?: string;
  record?: string;
  container?: string[];
  containersOnly?: boolean;
  duration?: string;
  bpftrace?: string;
}

/** `rampart watch`: runtime detection with Falco-compatible rules on kernel events or recorded/ingested events. */
export const watchCommand: CliCommand = {
  name: 'watch',
  register(program, wrap) {
    program
      .command('watch')
      .description(
        'detect runtime threats: trace syscalls with bpftrace (or read events), evaluate Falco-compatible rules, emit alerts. ' +
          'Default rules: Rampart container_abuse. --output stdout (text) | json | file:PATH (JSON lines) | webhook:URL',
      )
      .option('-r, --rules <file...>', 'rules files loaded in order (default: the bundled rules/container_abuse.yaml)')
      .option('--source <source>', 'bpftrace (default), replay:FILE, falco:FILE, tracee:FILE or tetragon:FILE (FILE - = stdin)')
      .option('--record <file>', 'also write every event as JSON lines (for rules test fixtures and replay)')
      .option('--container <name...>', 'only these containers (names or ids); the sensor filters their cgroups in the kernel')
      .option('--containers-only', 'only processes inside containers (skip the host)')
      .option('--duration <seconds>', 'stop after this many seconds (default: until interrupted or the input ends)')
      .option('--bpftrace <path>', 'the bpftrace binary', process.env['RAMPART_BPFTRACE'] ?? 'bpftrace')
      .action(
        wrap(async (ctx, command) => {
          const flags = command.opts<WatchFlags>();
          const output = parseOutputSpec(ctx.globals.output, ctx.io.cwd);
          const sink = createAlertSink(output, ctx.io.stdout);
          const source = parseSourceSpec(flags.source);
          const resolved = (f: string): string => (f === '-' ? f : path.resolve(ctx.io.cwd, f));
          const sourceSpec = source.kind === 'bpftrace' ? source : { kind: source.kind, file: resolved(source.file) };
          const controller = new AbortController();
          const stop = (): void => controller.abort();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          let timer: NodeJS.Timeout | undefined;
          if (flags.duration !== undefined) {
            const seconds = Number(flags.duration);
            if (!Number.isFinite(seconds) || seconds <= 0) throw new RampartError('USAGE', `--duration must be a positive number of seconds, got ${flags.duration}`);
            timer = setTimeout(stop, seconds * 1000);
          }
          try {
            const result = await watch({
              rules: (flags.rules ?? []).map(resolved),
              source: sourceSpec,
              sinks: [sink],
              signal: controller.signal,
              ...(flags.record === undefined ? {} : { record: path.resolve(ctx.io.cwd, flags.record) }),
              ...(flags.container === undefined ? {} : { containers: flags.container }),
              ...(flags.containersOnly === true ? { containersOnly: true } : {}),
              ...(flags.bpftrace === undefined ? {} : { bpftrace: flags.bpftrace }),
              onReady: (info) => {
                if (source.kind === 'bpftrace') ctx.info(`watching: tracing ${info.traced.join(', ') || '(process lifecycle only)'}`);
                if (info.untraceable.length > 0) ctx.warn(`cannot trace ${info.untraceable.join(', ')}: rules needing them are blind`);
              },
            });
            const d = result.drops;
            ctx.info(
              `watch: ${result.events} events, ${result.alerts} alerts; drops kernel=${d.kernel} queue=${d.queue} output=${d.output}` +
                (flags.record === undefined ? '' : `; ${result.recorded} events recorded`) +
                (result.renderErrors > 0 ? `; ${result.renderErrors} alert outputs could not be rendered` : ''),
            );
            return d.kernel + d.queue + d.output > 0 ? ExitCode.incomplete : ExitCode.ok;
          } finally {
            if (timer !== undefined) clearTimeout(timer);
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
          }
        }),
      );
  },
};
