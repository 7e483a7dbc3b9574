import type { Readable } from 'node:stream';
import type { EventSource, FieldValue, RuntimeEvent } from '../event.js';
import { createJsonLinesSource, isRecord } from './json-lines-source.js';

/** Tracee event names that are not syscalls but carry the same facts. */
const RENAMED: Readonly<Record<string, string>> = { sched_process_exec: 'execve', security_socket_connect: 'connect', security_file_open: 'openat' };

/**
 * Tracee's JSON events (`--output json`, the classic flat format) mapped to libsinsp fields where
 * the fields allow: process identity, container and pod, the return value, and arguments by name
 * (`pathname`→`fd.name` for opens, `addr` sockaddr→`fd.sip`/`fd.sport` for connect).
 * Fields Tracee does not carry (ancestry beyond the parent, fd tables) stay absent.
 */
export function mapTraceeEvent(value: unknown): RuntimeEvent | undefined {
  if (!isRecord(value) || typeof value['eventName'] !== 'string') return undefined;
  const name = value['eventName'];
  const args: Record<string, unknown> = {};
  if (Array.isArray(value['args'])) {
    for (const arg of value['args']) if (isRecord(arg) && typeof arg['name'] === 'string') args[arg['name']] = arg['value'];
  }
  const ret = typeof value['returnValue'] === 'number' ? value['returnValue'] : 0;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const container = isRecord(value['container']) ? value['container'] : {};
  const containerId = str(value['containerId']) ?? str(container['id']) ?? '';
  const image = str(value['containerImage']) ?? str(container['image']) ?? '';
  const colon = image.lastIndexOf(':');
  const event: Record<string, FieldValue> = {
    'evt.type': RENAMED[name] ?? name,
    'evt.dir': '<',
    'evt.time': typeof value['timestamp'] === 'number' ? BigInt(Math.round(value['timestamp'])).toString() : null,
    'evt.rawres': ret,
    'evt.res': ret >= 0 ? 'SUCCESS' : `E${-ret}`,
    'evt.source': 'syscall',
    'proc.pid': typeof value['hostProcessId'] === 'number' ? value['hostProcessId'] : null,
    'proc.vpid': typeof value['processId'] === 'number' ? value['processId'] : null,
    'proc.ppid': typeof value['hostParentProcessId'] === 'number' ? value['hostParentProcessId'] : null,
    'thread.tid': typeof value['hostThreadId'] === 'number' ? value['hostThreadId'] : null,
    'proc.name': str(value['processName']),
    'user.uid': typeof value['userId'] === 'number' ? value['userId'] : null,
    'container.id': containerId === '' ? 'host' : containerId.slice(0, 12),
    'container.name': str(value['containerName']) ?? str(container['name']),
    'container.image.repository': image === '' ? null : colon > image.lastIndexOf('/') ? image.slice(0, colon) : image,
    'container.image.tag': image !== '' && colon > image.lastIndexOf('/') ? image.slice(colon + 1) : null,
    'k8s.pod.name': str(value['podName']) || null,
    'k8s.ns.name': str(value['podNamespace']) || null,
  };
  const executable = isRecord(value['executable']) ? str(value['executable']['path']) : null;
  if (executable !== null && executable !== '') event['proc.exepath'] = executable;
  const argv = args['argv'];
  if (Array.isArray(argv)) {
    const rest = argv.slice(1).map(String).join(' ');
    event['proc.args'] = rest;
    event['proc.cmdline'] = rest === '' ? (event['proc.name'] as string | null) : `${String(event['proc.name'] ?? '')} ${rest}`;
  }
  if (typeof args['pathname'] === 'string') {
    event['fd.name'] = args['pathname'];
    event['evt.arg.name'] = args['pathname'];
    if (event['evt.type'] === 'execve') event['proc.exepath'] ??= args['pathname'];
    else event['fd.typechar'] = 'f';
  }
  if (typeof args['flags'] === 'number') event['evt.rawarg.flags'] = args['flags'];
  if (typeof args['flags'] === 'string') event['evt.arg.flags'] = args['flags'];
  const addr = args['addr'] ?? args['remote_addr'];
  if (isRecord(addr)) {
    const family = str(addr['sa_family']);
    if (family === 'AF_INET' || family === 'AF_INET6') {
      event['fd.typechar'] = family === 'AF_INET' ? '4' : '6';
      event['fd.sip'] = str(addr['sin_addr']) ?? str(addr['sin6_addr']);
      const port = Number(addr['sin_port'] ?? addr['sin6_port']);
      if (Number.isFinite(port)) event['fd.sport'] = port;
      event['fd.name'] = `->${String(event['fd.sip'])}:${String(event['fd.sport'] ?? '')}`;
    }
  }
  return event;
}

export function createTraceeSource(file: string, stdin?: Readable): EventSource {
  return createJsonLinesSource({ name: 'tracee', file, map: mapTraceeEvent, ...(stdin === undefined ? {} : { stdin }) });
}
