import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { RuntimeEvent } from '../event.js';
import type { ContainerCache, ContainerInfo } from '../state/container-cache.js';
import type { ProcReader } from '../state/proc-reader.js';
import type { ProcessEntry, ProcessTable } from '../state/process-table.js';
import type { UserNames } from '../state/user-names.js';
import type { SensorRecord } from './bpftrace-record.js';
import { containerFieldsFor, processFields, resolvePath } from './event-context.js';
import { resultName } from './flag-names.js';
import { syscallFields } from './syscall-fields.js';
import { syscallProbes } from './syscall-probes.js';

export interface RecordProcessorOptions {
  readonly table: ProcessTable;
  readonly proc: ProcReader;
  readonly containers: ContainerCache;
  readonly users: UserNames;
  /** Epoch nanoseconds = kernel monotonic + this offset. */
  readonly clockOffsetNs: bigint;
  /** Emit events only for these containers (full or 12-char ids, or names); undefined = all. */
  readonly onlyContainers?: ReadonlySet<string>;
  /** Emit no events for host processes. */
  readonly containersOnly?: boolean;
}

export interface RecordProcessor {
  /** Updates state from one record; returns the events it completes (in order). */
  process(record: SensorRecord): Promise<RuntimeEvent[]>;
  /** Records that completed an event, for accounting. */
  readonly stats: { records: number; events: number; unpaired: number };
}

interface Pending {
  readonly evtType: string;
  readonly args: readonly string[];
  readonly argv: string[];
}

const ARG_NAMES: ReadonlyMap<string, readonly string[]> = new Map(syscallProbes.map((p) => [p.evtType, p.argNames]));

export function createRecordProcessor(options: RecordProcessorOptions): RecordProcessor {
  const { table, proc, containers } = options;
  const pending = new Map<number, Pending>();
  const cgroupToContainer = new Map<bigint, string | undefined>();
  const stats = { records: 0, events: 0, unpaired: 0 };

  /** Container id of a cgroup, learnt from the first process seen in it. */
  const containerOf = (record: SensorRecord): string | undefined => {
    if (record.cgroup === 1n) return undefined;
    if (cgroupToContainer.has(record.cgroup)) return cgroupToContainer.get(record.cgroup);
    // A process that is already gone: its table entry inherited the container from its parent.
    const id = proc.read(record.pid)?.containerId ?? table.peek(record.pid)?.containerId;
    if (id !== undefined) cgroupToContainer.set(record.cgroup, id);
    return id;
  };

  const wanted = (info: ContainerInfo | undefined): boolean => {
    if (info === undefined) return options.containersOnly !== true && options.onlyContainers === undefined;
    if (options.onlyContainers === undefined) return true;
    const name = info.fields['container.name'];
    return (
      options.onlyContainers.has(info.fullId) ||
      options.onlyContainers.has(info.fullId.slice(0, 12)) ||
      (typeof name === 'string' && options.onlyContainers.has(name))
    );
  };

  const build = (
    record: SensorRecord,
    entry: ProcessEntry,
    info: ContainerInfo | undefined,
    evtType: string,
    ret: number,
    extra: Record<string, unknown>,
  ): RuntimeEvent => ({
    'evt.type': evtType,
    'evt.dir': '<',
    'evt.time': (record.ktime + options.clockOffsetNs).toString(),
    'evt.res': resultName(ret),
    'evt.rawres': ret,
    'evt.failed': ret < 0,
    'evt.source': 'syscall',
    ...processFields(options, entry, record.tid),
    ...containerFieldsFor(info),
    ...(extra as RuntimeEvent),
  });

  return {
    stats,
    async process(record) {
      stats.records += 1;
      switch (record.kind) {
        case 'fork':
          table.fork(record.pid, record.childTid, record.ktime + options.clockOffsetNs);
          return [];
        case 'exit':
          pending.delete(record.tid);
          table.exit(record.pid);
          return [];
        case 'enter':
          pending.set(record.tid, { evtType: record.evtType, args: record.args, argv: [] });
          return [];
        case 'argv': {
          const open = pending.get(record.tid);
          if (open !== undefined) open.argv[record.index] = record.value;
          return [];
        }
        case 'exec': {
          const containerId = containerOf(record);
          const info = containerId === undefined ? undefined : await containers.lookup(containerId);
          if (table.get(record.ppid) === undefined) table.stub(record.ppid, record.pppid, record.pcomm);
          const before = table.get(record.pid);
          const open = pending.get(record.tid);
          const snap = open?.argv.length ? undefined : proc.read(record.pid);
          const exepath = execPath(record.filename, before, snap?.exepath);
          const live = proc.readVpidCwd(record.pid);
          table.exec(record.pid, {
            ppid: record.ppid,
            name: record.comm,
            exepath,
            args: open?.argv.length ? [...open.argv] : [...(snap?.args ?? [record.comm])],
            cwd: live.cwd ?? before?.cwd ?? '',
            vpid: Number.isInteger(record.vpid) && record.vpid > 0 ? record.vpid : (live.vpid ?? -1),
            uid: record.euid,
            loginuid: record.loginuid,
            tty: record.tty,
            containerId,
            startNs: record.ktime + options.clockOffsetNs,
            exeUpperLayer: isInUpperLayer(info?.upperDir, exepath),
            exeSetuid: record.euid !== record.uid,
          });
          return [];
        }
        case 'return': {
          const open = pending.get(record.tid);
          pending.delete(record.tid);
          if (open === undefined || open.evtType !== record.evtType) {
            stats.unpaired += 1;
            return [];
          }
          const containerId = containerOf(record);
          const info = containerId === undefined ? undefined : await containers.lookup(containerId);
          const entry = table.get(record.pid) ?? table.exec(record.pid, { name: record.comm, containerId });
          if (entry.name !== record.comm && record.evtType !== 'execve' && record.evtType !== 'execveat') entry.name = record.comm;
          entry.containerId = containerId;
          if (!wanted(info)) return [];
          let extra: Record<string, unknown>;
          let apply = (): void => undefined;
          if (record.evtType === 'execve' || record.evtType === 'execveat') {
            extra = execFields(entry, open, record.ret);
          } else {
            const names = ARG_NAMES.get(record.evtType) ?? [];
            const args: Record<string, string> = {};
            names.forEach((name, i) => {
              args[name] = open.args[i] ?? '';
            });
            const result = syscallFields({ evtType: record.evtType, args, ret: record.ret, extra: record.extra }, entry);
            extra = result.fields;
            apply = result.apply;
          }
          const event = build(record, entry, info, record.evtType, record.ret, extra);
          apply();
          stats.events += 1;
          return [event];
        }
      }
    },
  };
}

function execFields(entry: ProcessEntry, open: Pending, ret: number): Record<string, unknown> {
  const flags: string[] = [];
  if (ret >= 0 && entry.exeUpperLayer) flags.push('EXE_UPPER_LAYER');
  if (ret >= 0 && !entry.exeUpperLayer) flags.push('EXE_LOWER_LAYER');
  if (ret >= 0 && entry.exeSetuid) flags.push('EXE_SETUID');
  const filename = resolvePath(entry, open.args[open.args.length - 1] ?? '');
  return {
    'evt.arg.filename': filename,
    'evt.arg.exe': entry.args[0] ?? '',
    'evt.arg.args': entry.args.slice(1).join(' '),
    'evt.arg.flags': flags.length === 0 ? '0' : flags.join('|'),
    'evt.arg.uid': entry.uid,
    'evt.arg.tty': entry.tty,
    'proc.is_exe_lower_layer': ret >= 0 && !entry.exeUpperLayer,
  };
}

/** `/proc/self/exe` re-execs (busybox applets) keep the previous image; relative names use the cwd. */
function execPath(filename: string, before: ProcessEntry | undefined, fromProc: string | undefined): string {
  if (filename === '/proc/self/exe' || /^\/proc\/\d+\/exe$/.test(filename)) return before?.exepath || fromProc || filename;
  if (filename.startsWith('/')) return filename;
  return before === undefined ? filename : resolvePath(before, filename);
}

/**
 * Drift: the executable exists in the container's writable overlay layer (created or modified
 * after the container started), Falco's `proc.is_exe_upper_layer`. Symlinks in the path are
 * followed inside the layer only, which covers binaries copied or written into the container.
 */
export function isInUpperLayer(upperDir: string | undefined, exepath: string): boolean {
  if (upperDir === undefined || !exepath.startsWith('/')) return false;
  try {
    return lstatSync(path.join(upperDir, exepath)).isFile();
  } catch {
    return false; // not in the upper layer: from the image
  }
}
