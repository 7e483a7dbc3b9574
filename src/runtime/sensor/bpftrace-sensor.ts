import { RampartError } from '../../core/index.js';
import type { EventSource, RuntimeEvent } from '../event.js';
import { createContainerCache } from '../state/container-cache.js';
import type { DockerEngine } from '../state/docker-engine.js';
import { createProcReader } from '../state/proc-reader.js';
import type { ProcReader } from '../state/proc-reader.js';
import { createProcessTable } from '../state/process-table.js';
import { createUserNames } from '../state/user-names.js';
import { generateProgram } from './bpftrace-program.js';
import type { BpftraceProcess } from './bpftrace-process.js';
import { listSyscallTracepoints, startBpftrace } from './bpftrace-process.js';
import type { SensorRecord } from './bpftrace-record.js';
import { createRecordProcessor } from './record-processor.js';

export interface SensorOptions {
  readonly bpftrace: string;
  readonly docker: DockerEngine;
  /** Falco event types the loaded rules need. */
  readonly eventTypes: ReadonlySet<string>;
  /** Only these containers (ids, 12-char ids or names); the kernel side filters by their cgroups. */
  readonly containers?: readonly string[];
  /** Also trace these cgroup v2 ids (e.g. a benchmark's own cgroup). */
  readonly cgroupIds?: readonly bigint[];
  /** Sees every parsed record before processing (benchmarks, debugging). */
  readonly onRecord?: (record: SensorRecord) => void;
  /** Only processes in containers (kernel side: skip the root cgroup). */
  readonly containersOnly?: boolean;
  /** Records waiting for processing before new ones are dropped (and counted). Default 100000. */
  readonly queueLimit?: number;
  readonly perfPages?: number;
  readonly proc?: ProcReader;
}

/** Drop accounting: everything the sensor could not turn into events, by cause. */
export interface SensorStats {
  /** Records parsed from bpftrace. */
  records: number;
  /** Events produced. */
  events: number;
  /** Lost in the kernel's perf buffer (bpftrace `lost_events`). */
  kernelLost: number;
  /** Dropped because our record queue was full. */
  queueDropped: number;
  /** Lines bpftrace printed that were not records of ours. */
  malformed: number;
  /** Exits without an enter (the enter was lost, or began before attach). */
  unpaired: number;
  /** Records the kernel printed in total, known once the sensor stopped (undefined before). */
  sent: number | undefined;
  /** Records lost that bpftrace did not report (sent - received - kernelLost), once stopped. */
  unreported: number;
}

export interface BpftraceSensor extends EventSource {
  readonly stats: SensorStats;
  /** Event types traced, and those asked for that this kernel cannot trace. */
  readonly traced: readonly string[];
  readonly untraceable: readonly string[];
  /** pid of the bpftrace child (for CPU accounting). */
  readonly pid: number | undefined;
  /** Resolves once probes are attached (events before this are not seen). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export async function createBpftraceSensor(options: SensorOptions): Promise<BpftraceSensor> {
  const proc = options.proc ?? createProcReader();
  const available = await listSyscallTracepoints();
  const cgroupIds: bigint[] = [...(options.cgroupIds ?? [])];
  for (const id of await resolveContainerIds(options)) {
    const cg = proc.containerCgroupId(id);
    if (cg !== undefined) cgroupIds.push(cg);
  }
  const program = generateProgram({
    eventTypes: options.eventTypes,
    availableTracepoints: available,
    cgroupIds,
    ...(options.containersOnly === true ? { excludeCgroupIds: [1n] } : {}),
  });
  const stats: SensorStats = { records: 0, events: 0, kernelLost: 0, queueDropped: 0, malformed: 0, unpaired: 0, sent: undefined, unreported: 0 };
  let received = 0;
  const queue: SensorRecord[] = [];
  let head = 0;
  const limit = options.queueLimit ?? 100_000;
  let wake: (() => void) | undefined;
  let ended = false;
  const nudge = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const child: BpftraceProcess = await startBpftrace({
    bpftrace: options.bpftrace,
    source: program.source,
    ...(options.perfPages === undefined ? {} : { perfPages: options.perfPages }),
    onRecord(record) {
      received += 1;
      options.onRecord?.(record);
      if (queue.length - head >= limit) {
        stats.queueDropped += 1;
        return;
      }
      queue.push(record);
      nudge();
    },
    onLost(count) {
      stats.kernelLost += count;
    },
    onSent(count) {
      // END prints the map and bpftrace prints it again at exit: keep the largest.
      stats.sent = Math.max(stats.sent ?? 0, count);
      stats.unreported = Math.max(0, stats.sent - received - stats.kernelLost);
    },
    onMalformed() {
      stats.malformed += 1;
    },
  });
  void child.done.then(() => {
    ended = true;
    nudge();
  });
  const clockOffsetNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
  const processor = createRecordProcessor({
    table: createProcessTable({ proc }),
    proc,
    containers: createContainerCache(options.docker),
    users: createUserNames(),
    clockOffsetNs,
    ...(options.containers === undefined ? {} : { onlyContainers: new Set(options.containers) }),
    ...(options.containersOnly === undefined ? {} : { containersOnly: options.containersOnly }),
  });
  return {
    name: 'bpftrace',
    stats,
    traced: program.traced,
    untraceable: program.untraceable,
    pid: child.pid,
    ready: child.ready.then(() => undefined),
    stop: () => child.stop(),
    async *events(signal): AsyncIterable<RuntimeEvent> {
      const onAbort = (): void => void child.stop();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        for (;;) {
          if (head >= queue.length) {
            queue.length = 0;
            head = 0;
            if (ended || signal?.aborted === true) return;
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            continue;
          }
          const record = queue[head++] as SensorRecord;
          stats.records += 1;
          const events = await processor.process(record);
          stats.unpaired = processor.stats.unpaired;
          for (const event of events) {
            stats.events += 1;
            yield event;
          }
        }
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

/** Resolves names/short ids to full ids through the Engine API (the cgroup path needs the full id). */
async function resolveContainerIds(options: SensorOptions): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of options.containers ?? []) {
    const container = await options.docker.inspectContainer(ref);
    if (container === undefined) throw new RampartError('BAD_INPUT', `no such container: ${ref}`);
    ids.push(container.Id);
  }
  return ids;
}
