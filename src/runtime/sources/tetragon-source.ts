import type { Readable } from 'node:stream';
import type { EventSource, FieldValue, RuntimeEvent } from '../event.js';
import { createJsonLinesSource, isRecord, isoToEpochNanos } from './json-lines-source.js';

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function processFields(process: Json, parent: Json | undefined): Record<string, FieldValue> {
  const binary = str(process['binary']) ?? '';
  const name = binary.slice(binary.lastIndexOf('/') + 1);
  const args = str(process['arguments']) ?? '';
  const pod = isRecord(process['pod']) ? process['pod'] : undefined;
  const container = pod !== undefined && isRecord(pod['container']) ? pod['container'] : undefined;
  const image = container !== undefined && isRecord(container['image']) ? str(container['image']['name']) : null;
  const at = image === null ? -1 : image.lastIndexOf(':');
  const containerId = (str(process['docker']) ?? str(container?.['id'])?.replace(/^[a-z]+:\/\//, '') ?? '').slice(0, 12);
  const parentBinary = parent === undefined ? null : str(parent['binary']);
  return {
    'proc.pid': num(process['pid']),
    'thread.tid': num(process['tid']),
    'proc.name': name || null,
    'proc.exepath': binary || null,
    'proc.args': args,
    'proc.cmdline': args === '' ? name : `${name} ${args}`,
    'proc.cwd': str(process['cwd']),
    'user.uid': num(process['uid']),
    'user.loginuid': num(process['auid']) === 4294967295 ? -1 : num(process['auid']),
    'proc.ppid': parent === undefined ? null : num(parent['pid']),
    'proc.pname': parentBinary === null ? null : parentBinary.slice(parentBinary.lastIndexOf('/') + 1),
    'proc.pexepath': parentBinary,
    'container.id': containerId === '' ? 'host' : containerId,
    'container.name': container === undefined ? null : str(container['name']),
    'container.image.repository': image === null ? null : at > image.lastIndexOf('/') ? image.slice(0, at) : image,
    'container.image.tag': image !== null && at > image.lastIndexOf('/') ? image.slice(at + 1) : null,
    'k8s.pod.name': pod === undefined ? null : str(pod['name']),
    'k8s.ns.name': pod === undefined ? null : str(pod['namespace']),
  };
}

/**
 * Tetragon's JSON export mapped where fields allow: `process_exec` → `execve`; `process_kprobe`
 * on connect-like functions (`tcp_connect`, `__sys_connect`...) with a `sock_arg` → `connect`;
 * other kprobes become their function name as `evt.type`. `process_exit` has no event equivalent
 * in Falco rules and is skipped.
 */
export function mapTetragonEvent(value: unknown): RuntimeEvent | undefined {
  if (!isRecord(value)) return undefined;
  const time = isoToEpochNanos(value['time']) ?? null;
  const exec = value['process_exec'];
  if (isRecord(exec) && isRecord(exec['process'])) {
    return {
      'evt.type': 'execve', 'evt.dir': '<', 'evt.time': time, 'evt.res': 'SUCCESS', 'evt.rawres': 0, 'evt.source': 'syscall',
      ...processFields(exec['process'], isRecord(exec['parent']) ? exec['parent'] : undefined),
    };
  }
  const kprobe = value['process_kprobe'];
  if (isRecord(kprobe) && isRecord(kprobe['process'])) {
    const fn = str(kprobe['function_name']) ?? '';
    const event: Record<string, FieldValue> = {
      'evt.type': /connect/.test(fn) ? 'connect' : fn, 'evt.dir': '<', 'evt.time': time, 'evt.res': 'SUCCESS', 'evt.rawres': 0, 'evt.source': 'syscall',
      ...processFields(kprobe['process'], isRecord(kprobe['parent']) ? kprobe['parent'] : undefined),
    };
    for (const arg of Array.isArray(kprobe['args']) ? kprobe['args'] : []) {
      if (!isRecord(arg) || !isRecord(arg['sock_arg'])) continue;
      const sock = arg['sock_arg'];
      event['fd.typechar'] = sock['family'] === 'AF_INET6' ? '6' : '4';
      event['fd.l4proto'] = sock['protocol'] === 'IPPROTO_UDP' ? 'udp' : 'tcp';
      event['fd.sip'] = str(sock['daddr']);
      event['fd.sport'] = num(sock['dport']);
      event['fd.cip'] = str(sock['saddr']);
      event['fd.cport'] = num(sock['sport']);
      event['fd.name'] = `${String(sock['saddr'] ?? '')}:${String(sock['sport'] ?? '')}->${String(sock['daddr'] ?? '')}:${String(sock['dport'] ?? '')}`;
    }
    return event;
  }
  return undefined;
}

export function createTetragonSource(file: string, stdin?: Readable): EventSource {
  return createJsonLinesSource({ name: 'tetragon', file, map: mapTetragonEvent, ...(stdin === undefined ? {} : { stdin }) });
}
