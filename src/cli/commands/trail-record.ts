import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, RampartError } from '../../core/index.js';
import { DOCKER_CURSOR, createBatchingAppender, createDockerCollector, openTrailLog, openTrailSession, startAuditReceiver } from '../../trail/index.js';
import type { AuditReceiver } from '../../trail/index.js';
import type { CommandAction } from '../cli-command.js';
import { addStoreOption, storeSpec } from './trail-store-option.js';

interface RecordOptions {
  docker?: boolean;
  dockerHost?: string;
  k8sWebhook?: string;
  tlsCert?: string;
  tlsKey?: string;
  queue?: string;
}

function parseListen(spec: string): { host: string; port: number } {
  const m = /^(.*):(\d+)$/.exec(spec);
  if (m === null) throw new RampartError('USAGE', `--k8s-webhook wants [HOST]:PORT, got ${JSON.stringify(spec)}`);
  const port = Number(m[2]);
  if (port > 65535) throw new RampartError('USAGE', `port ${port} is out of range`);
  return { host: m[1] === '' ? '127.0.0.1' : (m[1] as string), port };
}

function dockerSocket(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const host = explicit ?? env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  if (!host.startsWith('unix://')) throw new RampartError('USAGE', `only unix:// Docker hosts are supported, got ${host}`);
  return host.slice('unix://'.length);
}

export function registerTrailRecord(trail: Command, wrap: (action: CommandAction) => (...args: unknown[]) => Promise<void>): void {
  addStoreOption(
    trail
      .command('record')
      .description('record events into the trail until interrupted (SIGINT/SIGTERM); each batch is durable and signed before it is acknowledged')
      .option('--docker', 'follow the Docker Engine event stream (resumes after restarts from the last recorded event)')
      .option('--docker-host <unix://path>', 'Docker Engine socket (default: $DOCKER_HOST or unix:///var/run/docker.sock)')
      .option('--k8s-webhook <[host]:port>', 'receive Kubernetes audit events (audit.k8s.io/v1 EventList) over HTTPS on this address (host defaults to 127.0.0.1)')
      .option('--tls-cert <file>', 'PEM certificate for --k8s-webhook')
      .option('--tls-key <file>', 'PEM private key for --k8s-webhook')
      .option('--queue <n>', 'events waiting to be committed before the webhook answers 429', '10000'),
  ).action(
    wrap(async (context, command) => {
      const opts = command.opts<RecordOptions>();
      if (opts.docker !== true && opts.k8sWebhook === undefined) throw new RampartError('USAGE', 'trail record needs --docker and/or --k8s-webhook');
      if (opts.k8sWebhook !== undefined && (opts.tlsCert === undefined || opts.tlsKey === undefined)) {
        throw new RampartError('USAGE', '--k8s-webhook needs --tls-cert and --tls-key (the audit webhook is HTTPS only)');
      }
      const capacity = Number(opts.queue ?? '10000');
      if (!Number.isInteger(capacity) || capacity < 1) throw new RampartError('USAGE', `--queue wants a positive integer, got ${opts.queue}`);
      const session = await openTrailSession(context.io.env, storeSpec(command));
      const log = await openTrailLog({ store: session.store, signer: session.keys.signer });
      const appender = createBatchingAppender(log, { capacity });
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const tasks: Promise<void>[] = [];
      let receiver: AuditReceiver | undefined;
      try {
        context.info(`trail: ${session.keys.verifierKey} (log size ${log.size()})`);
        if (opts.k8sWebhook !== undefined) {
          const listen = parseListen(opts.k8sWebhook);
          const read = (file: string): Buffer => {
            try {
              return readFileSync(path.resolve(context.io.cwd, file));
            } catch (error) {
              throw new RampartError('FILE_NOT_FOUND', `cannot read ${file}`, { cause: error, location: { file } });
            }
          };
          receiver = await startAuditReceiver({
            appender, cert: read(opts.tlsCert as string), key: read(opts.tlsKey as string), host: listen.host, port: listen.port,
            log: (m) => context.warn(m),
          });
          context.info(`trail: k8s audit webhook listening on https://${receiver.host}:${receiver.port}`);
        }
        if (opts.docker === true) {
          const collector = createDockerCollector({
            socketPath: dockerSocket(opts.dockerHost, context.io.env),
            appender,
            cursor: await session.store.cursor(DOCKER_CURSOR),
            log: (m) => context.info(`trail: ${m}`),
            onSkipped: (_line, reason) => context.warn(`docker: skipped a line (${reason})`),
          });
          tasks.push(collector.run(controller.signal));
        }
        const stopped = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
        // Runs until a signal, or until a collector fails (a store error stops the recorder).
        await Promise.race([stopped, ...tasks]);
        controller.abort();
        await Promise.all(tasks);
        await receiver?.close();
        await appender.drain();
        context.info(`trail: stopped at log size ${log.size()}`);
        return ExitCode.ok;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await receiver?.close().catch(() => undefined);
        await session.store.close();
      }
    }),
  );
}
