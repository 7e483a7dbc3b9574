import { RampartError } from '../../core/index.js';
import type { Alert } from '../../rules/index.js';
import type { EventSource } from '../event.js';
import type { BpftraceSensor } from '../sensor/bpftrace-sensor.js';
import { createBpftraceSensor } from '../sensor/bpftrace-sensor.js';
import { traceableEventTypes } from '../sensor/syscall-probes.js';
import { createFalcoAlertSource } from '../sources/falco-alert-source.js';
import { createReplaySource } from '../sources/replay-source.js';
import { createTetragonSource } from '../sources/tetragon-source.js';
import { createTraceeSource } from '../sources/tracee-source.js';
import { createDockerEngine } from '../state/docker-engine.js';
import type { AlertSink } from './alert-sinks.js';
import { untraceableAlert } from './drop-report.js';
import { createEventRecorder } from './event-recorder.js';
import { runWatchLoop } from './watch-loop.js';
import type { WatchSummary } from './watch-loop.js';
import { loadWatchRules, rulesNeeding } from './watch-rules.js';

export type SourceSpec =
  | { readonly kind: 'bpftrace' }
  | { readonly kind: 'replay' | 'falco' | 'tracee' | 'tetragon'; readonly file: string };

/** `bpftrace` (default) or `replay:FILE`, `falco:FILE`, `tracee:FILE`, `tetragon:FILE` (`-` = stdin). */
export function parseSourceSpec(spec: string | undefined): SourceSpec {
  if (spec === undefined || spec === 'bpftrace') return { kind: 'bpftrace' };
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const file = colon < 0 ? '' : spec.slice(colon + 1);
  if ((kind === 'replay' || kind === 'falco' || kind === 'tracee' || kind === 'tetragon') && file !== '') return { kind, file };
  throw new RampartError('USAGE', `--source ${spec}: expected bpftrace, replay:FILE, falco:FILE, tracee:FILE or tetragon:FILE`);
}

export interface WatchOptions {
  readonly rules: readonly string[];
  readonly source: SourceSpec;
  readonly sinks: readonly AlertSink[];
  readonly record?: string;
  readonly containers?: readonly string[];
  readonly containersOnly?: boolean;
  readonly bpftrace?: string;
  readonly dockerHost?: string;
  readonly signal?: AbortSignal;
  readonly onAlert?: (alert: Alert) => void;
  /** Called once the source is live (the sensor attached). */
  readonly onReady?: (info: { traced: readonly string[]; untraceable: readonly string[] }) => void;
  readonly dropCheckMs?: number;
}

export interface WatchResult extends WatchSummary {
  readonly traced: readonly string[];
  readonly untraceable: readonly string[];
  readonly recorded: number;
}

/** Runs `rampart watch`: rules → source (sensor or file) → engine → sinks, until the source ends or `signal` aborts. */
export async function watch(options: WatchOptions): Promise<WatchResult> {
  const rules = await loadWatchRules(options.rules);
  let source: EventSource;
  let sensor: BpftraceSensor | undefined;
  let traced: readonly string[] = [];
  let untraceable: string[] = [];
  if (options.source.kind === 'bpftrace') {
    // Event types the sensor has no probe for at all are as blind as those the kernel lacks.
    untraceable = [...rules.eventTypes].filter((t) => !traceableEventTypes.has(t)).sort();
    sensor = await createBpftraceSensor({
      bpftrace: options.bpftrace ?? 'bpftrace',
      docker: createDockerEngine(options.dockerHost),
      eventTypes: rules.eventTypes,
      ...(options.containers === undefined || options.containers.length === 0 ? {} : { containers: options.containers }),
      ...(options.containersOnly === undefined ? {} : { containersOnly: options.containersOnly }),
    });
    await sensor.ready;
    traced = sensor.traced;
    untraceable = [...new Set([...untraceable, ...sensor.untraceable])].sort();
    source = sensor;
  } else {
    const { kind, file } = options.source;
    source =
      kind === 'replay' ? createReplaySource(file) : kind === 'falco' ? createFalcoAlertSource(file) : kind === 'tracee' ? createTraceeSource(file) : createTetragonSource(file);
  }
  options.onReady?.({ traced, untraceable });
  const recorder = options.record === undefined ? undefined : await createEventRecorder(options.record);
  const blindRules = rulesNeeding(rules.engine, new Set(traced));
  if (untraceable.length > 0) {
    const alert = untraceableAlert(untraceable, rulesNeeding(rules.engine, new Set(untraceable)));
    options.onAlert?.(alert);
    for (const sink of options.sinks) sink.write(alert);
  }
  const active = sensor;
  const onAbort = (): void => void active?.stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const summary = await runWatchLoop({
      source,
      engine: rules.engine,
      sinks: options.sinks,
      blindRules,
      ...(recorder === undefined ? {} : { record: (event) => recorder.record(event) }),
      ...(active === undefined ? {} : { sourceDrops: () => ({ kernel: active.stats.kernelLost + active.stats.unreported, queue: active.stats.queueDropped }) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onAlert === undefined ? {} : { onAlert: options.onAlert }),
      ...(options.dropCheckMs === undefined ? {} : { dropCheckMs: options.dropCheckMs }),
    });
    return { ...summary, traced, untraceable, recorded: recorder?.count() ?? 0 };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await active?.stop();
    await recorder?.close();
  }
}
