import { spawn } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RampartError } from '../../core/index.js';
import type { SensorRecord } from './bpftrace-record.js';
import { parseSensorLine } from './bpftrace-record.js';

export interface BpftraceProcessOptions {
  readonly bpftrace: string;
  readonly source: string;
  readonly onRecord: (record: SensorRecord) => void;
  /** Kernel-side drops reported by bpftrace (`lost_events`). */
  readonly onLost: (count: number) => void;
  /** Records the kernel side printed in total (from END, once bpftrace stops). */
  readonly onSent?: (count: number) => void;
  /** Lines that are neither JSON of bpftrace nor records of ours. */
  readonly onMalformed?: (line: string) => void;
  /** Perf ring buffer pages per CPU (bpftrace `BPFTRACE_PERF_RB_PAGES`); default 256. */
  readonly perfPages?: number;
}

export interface BpftraceProcess {
  /** Resolves when bpftrace has attached every probe (its BEGIN ran); rejects if it fails first. */
  readonly ready: Promise<void>;
  /** Resolves when the child has exited (after `stop()` or by itself). */
  readonly done: Promise<{ code: number | null; stderr: string }>;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const TRACEFS = '/sys/kernel/tracing';

/** Runs `bpftrace -f json` on a generated program and streams its records. */
export async function startBpftrace(options: BpftraceProcessOptions): Promise<BpftraceProcess> {
  await ensureTracefs();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rampart-bt-'));
  const file = path.join(dir, 'sensor.bt');
  await writeFile(file, options.source);
  const child = spawn(options.bpftrace, ['-f', 'json', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BPFTRACE_PERF_RB_PAGES: String(options.perfPages ?? 256) },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  lines.on('line', (line) => handleLine(line, options, resolveReady));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      void rm(dir, { recursive: true, force: true });
      rejectReady(new RampartError('SENSOR_FAILED', `bpftrace exited (${String(code)}): ${meaningfulStderr(stderr)}`));
      resolve({ code, stderr });
    });
    child.on('error', (error) => {
      rejectReady(new RampartError('SENSOR_FAILED', `cannot run ${options.bpftrace}: ${error.message}`, { cause: error }));
    });
  });
  return {
    ready,
    done,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await done;
    },
  };
}

function handleLine(line: string, options: BpftraceProcessOptions, attached: () => void): void {
  if (line.trim() === '') return;
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    options.onMalformed?.(line);
    return;
  }
  if (typeof message !== 'object' || message === null) return;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (type === 'printf' && typeof data === 'string') {
    // One printf chunk may hold several lines when bpftrace batches output.
    for (const part of data.split('\n')) {
      if (part === '') continue;
      if (part === 'READY') {
        attached();
        continue;
      }
      const record = parseSensorLine(part);
      if (record === undefined) options.onMalformed?.(part);
      else options.onRecord(record);
    }
  } else if (type === 'map' && typeof data === 'object' && data !== null) {
    const sent = (data as { '@records'?: unknown })['@records'];
    if (typeof sent === 'number') options.onSent?.(sent);
  } else if (type === 'lost_events' && typeof data === 'object' && data !== null) {
    const events = (data as { events?: unknown }).events;
    if (typeof events === 'number') options.onLost(events);
  }
}

function meaningfulStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.includes('RLIMIT_MEMLOCK'))
    .slice(0, 5)
    .join(' | ');
}

/** bpftrace needs tracefs for tracepoints; mount it when the machine has not (root only). */
async function ensureTracefs(): Promise<void> {
  if (await exists(path.join(TRACEFS, 'events', 'syscalls'))) return;
  await new Promise<void>((resolve) => {
    const mount = spawn('mount', ['-t', 'tracefs', 'nodev', TRACEFS], { stdio: 'ignore' });
    mount.on('close', () => resolve());
    mount.on('error', () => resolve());
  });
  if (!(await exists(path.join(TRACEFS, 'events', 'syscalls')))) {
    throw new RampartError('SENSOR_FAILED', `tracefs is not available at ${TRACEFS} (mount -t tracefs nodev ${TRACEFS})`);
  }
}

/** The syscall tracepoints this kernel offers (base names: `openat`, `connect`...). */
export async function listSyscallTracepoints(): Promise<Set<string>> {
  await ensureTracefs();
  const { readdir } = await import('node:fs/promises');
  const names = await readdir(path.join(TRACEFS, 'events', 'syscalls'));
  return new Set(names.filter((n) => n.startsWith('sys_enter_')).map((n) => n.slice('sys_enter_'.length)));
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
