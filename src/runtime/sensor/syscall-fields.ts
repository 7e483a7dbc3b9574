import type { FieldValue } from '../event.js';
import type { FdInfo, ProcessEntry } from '../state/process-table.js';
import { resolvePath } from './event-context.js';
import {
  capabilityNames,
  cloneFlagNames,
  isOpenCreate,
  isOpenRead,
  isOpenWrite,
  openFlagNames,
  ptraceRequestName,
  signalName,
} from './flag-names.js';

/** A syscall enter record's values by argument name, paired with its return. */
export interface SyscallCall {
  readonly evtType: string;
  readonly args: Readonly<Record<string, string>>;
  readonly ret: number;
  /** Extra values printed at exit (accept: family, address, port of the peer). */
  readonly extra: readonly string[];
}

type Fields = Record<string, FieldValue>;

const num = (value: string | undefined): number => Number(value ?? 'NaN');

/** `fd.*` fields of a descriptor (Falco names; `fd.typechar` 'f', '4', '6', 'u', 'd'). */
export function fdFields(fdNum: number, fd: FdInfo | undefined): Fields {
  const fields: Fields = { 'fd.num': fdNum };
  if (fd === undefined) return fields;
  fields['fd.name'] = fd.name;
  switch (fd.type) {
    case 'file':
    case 'memfd': {
      fields['fd.type'] = fd.type === 'memfd' ? 'memfd' : 'file';
      fields['fd.typechar'] = fd.type === 'memfd' ? 'm' : 'f';
      const slash = fd.name.lastIndexOf('/');
      fields['fd.directory'] = slash <= 0 ? '/' : fd.name.slice(0, slash);
      fields['fd.filename'] = fd.name.slice(slash + 1);
      break;
    }
    case 'directory':
      fields['fd.type'] = 'directory';
      fields['fd.typechar'] = 'd';
      fields['fd.directory'] = fd.name;
      break;
    case 'unix':
      fields['fd.type'] = 'unix';
      fields['fd.typechar'] = 'u';
      fields['fd.sockfamily'] = 'unix';
      break;
    case 'ipv4':
    case 'ipv6': {
      const client = fd.role === 'client';
      fields['fd.type'] = fd.type;
      fields['fd.typechar'] = fd.type === 'ipv4' ? '4' : '6';
      fields['fd.sockfamily'] = 'ip';
      fields['fd.l4proto'] = 'tcp';
      fields['fd.rip'] = fd.rip ?? null;
      fields['fd.rport'] = fd.rport ?? null;
      fields['fd.lip'] = fd.lip ?? null;
      fields['fd.lport'] = fd.lport ?? null;
      fields['fd.sip'] = (client ? fd.rip : fd.lip) ?? null;
      fields['fd.sport'] = (client ? fd.rport : fd.lport) ?? null;
      fields['fd.cip'] = (client ? fd.lip : fd.rip) ?? null;
      fields['fd.cport'] = (client ? fd.lport : fd.rport) ?? null;
      fields['fd.is_server'] = fd.role !== 'client';
      fields['fd.connected'] = fd.role !== 'bound';
      break;
    }
  }
  return fields;
}

function socketFd(family: number, addr: string, port: number, role: 'client' | 'server' | 'bound'): FdInfo | undefined {
  if (family === 2 || family === 10) {
    const type = family === 2 ? 'ipv4' : 'ipv6';
    const where = family === 10 ? `[${addr}]:${port}` : `${addr}:${port}`;
    if (role === 'bound') return { type, name: where, role, lip: addr, lport: port };
    if (role === 'client') return { type, name: `->${where}`, role, rip: addr, rport: port };
    return { type, name: `${where}->`, role, rip: addr, rport: port };
  }
  if (family === 1) return { type: 'unix', name: addr, role };
  return undefined;
}

/**
 * Fields of one completed syscall, and the state change it implies for the calling process
 * (fd table, uid). Fields use the values *before* the change, as Falco's enter event would.
 */
export function syscallFields(call: SyscallCall, entry: ProcessEntry): { fields: Fields; apply: () => void } {
  const a = call.args;
  const ret = call.ret;
  const ok = ret >= 0;
  const fields: Fields = {};
  let apply = (): void => undefined;
  for (const [name, value] of Object.entries(a)) fields[`evt.rawarg.${name}`] = value;
  switch (call.evtType) {
    case 'open':
    case 'openat':
    case 'openat2': {
      const flags = num(a['flags']);
      const name = resolvePath(entry, a['name'] ?? '', a['dirfd'] === undefined ? -100 : num(a['dirfd']));
      const fd: FdInfo = (flags & 0o200000) !== 0 ? { type: 'directory', name } : { type: 'file', name, flags };
      Object.assign(fields, fdFields(ok ? ret : -1, fd), {
        'evt.arg.name': name,
        'evt.arg.flags': openFlagNames(flags),
        'evt.arg.mode': num(a['mode']),
        'evt.arg.fd': ret,
        'evt.is_open_read': isOpenRead(flags),
        'evt.is_open_write': isOpenWrite(flags),
        'evt.is_open_create': isOpenCreate(flags),
        'evt.is_open_exec': false,
        'fs.path.name': name,
      });
      if (ok) apply = () => entry.fds.set(ret, fd);
      break;
    }
    case 'connect':
    case 'bind': {
      const fdNum = num(a['fd']);
      const role = call.evtType === 'connect' ? 'client' : 'bound';
      const fd = socketFd(num(a['family']), a['addr'] ?? '', num(a['port']), role);
      Object.assign(fields, fdFields(fdNum, fd), { 'evt.arg.fd': fdNum, 'evt.arg.addr': fd?.name ?? null });
      if ((ok || ret === -115) && fd !== undefined) apply = () => entry.fds.set(fdNum, fd);
      break;
    }
    case 'listen': {
      const fdNum = num(a['fd']);
      Object.assign(fields, fdFields(fdNum, entry.fds.get(fdNum)), { 'evt.arg.fd': fdNum, 'evt.arg.backlog': num(a['backlog']) });
      break;
    }
    case 'accept':
    case 'accept4': {
      const fd = ok ? socketFd(num(call.extra[0]), call.extra[1] ?? '', num(call.extra[2]), 'server') : undefined;
      const listening = entry.fds.get(num(a['fd']));
      const local = listening !== undefined && 'lip' in listening ? listening : undefined;
      const full = fd !== undefined && (fd.type === 'ipv4' || fd.type === 'ipv6') && local !== undefined
        ? { ...fd, lip: local.lip, lport: local.lport, name: `${fd.name}${local.name}` }
        : fd;
      Object.assign(fields, fdFields(ret, full), { 'evt.arg.fd': ret });
      if (ok && full !== undefined) apply = () => entry.fds.set(ret, full);
      break;
    }
    case 'setuid':
    case 'setresuid': {
      const target = call.evtType === 'setuid' ? num(a['uid']) : num(a['euid']);
      if (call.evtType === 'setuid') fields['evt.arg.uid'] = target;
      else Object.assign(fields, { 'evt.arg.ruid': num(a['ruid']), 'evt.arg.euid': target, 'evt.arg.suid': num(a['suid']) });
      if (ok && target >= 0) apply = () => void (entry.uid = target);
      break;
    }
    case 'setgid':
      fields['evt.arg.gid'] = num(a['gid']);
      break;
    case 'setresgid':
      Object.assign(fields, { 'evt.arg.rgid': num(a['rgid']), 'evt.arg.egid': num(a['egid']), 'evt.arg.sgid': num(a['sgid']) });
      break;
    case 'capset':
      Object.assign(fields, {
        'evt.arg.cap_effective': capabilityNames(num(a['cap_effective'])),
        'evt.arg.cap_permitted': capabilityNames(num(a['cap_permitted'])),
        'evt.arg.cap_inheritable': capabilityNames(num(a['cap_inheritable'])),
      });
      break;
    case 'ptrace':
      Object.assign(fields, { 'evt.arg.request': ptraceRequestName(num(a['request'])), 'evt.arg.pid': num(a['pid']) });
      break;
    case 'mount':
      Object.assign(fields, { 'evt.arg.dev': a['dev'] ?? '', 'evt.arg.dir': a['dir'] ?? '', 'evt.arg.type': a['type'] ?? '', 'evt.arg.flags': num(a['flags']) });
      break;
    case 'umount2':
      Object.assign(fields, { 'evt.arg.name': a['name'] ?? '', 'evt.arg.flags': num(a['flags']) });
      break;
    case 'unshare':
      fields['evt.arg.flags'] = cloneFlagNames(num(a['flags']));
      break;
    case 'setns':
      Object.assign(fields, { 'evt.arg.fd': num(a['fd']), 'evt.arg.nstype': cloneFlagNames(num(a['nstype'])) });
      break;
    case 'memfd_create': {
      const fd: FdInfo = { type: 'memfd', name: `memfd:${a['name'] ?? ''}` };
      Object.assign(fields, fdFields(ret, fd), { 'evt.arg.name': a['name'] ?? '', 'evt.arg.flags': num(a['flags']), 'evt.arg.fd': ret });
      if (ok) apply = () => entry.fds.set(ret, fd);
      break;
    }
    case 'chmod':
    case 'fchmodat': {
      const name = resolvePath(entry, a['filename'] ?? '', a['dirfd'] === undefined ? -100 : num(a['dirfd']));
      Object.assign(fields, { 'evt.arg.filename': name, 'evt.arg.mode': num(a['mode']), 'fs.path.name': name });
      break;
    }
    case 'unlinkat': {
      const name = resolvePath(entry, a['name'] ?? '', num(a['dirfd']));
      Object.assign(fields, { 'evt.arg.name': name, 'evt.arg.flags': num(a['flags']), 'fs.path.name': name });
      break;
    }
    case 'renameat2': {
      const oldpath = resolvePath(entry, a['oldpath'] ?? '', num(a['olddirfd']));
      const newpath = resolvePath(entry, a['newpath'] ?? '', num(a['newdirfd']));
      Object.assign(fields, { 'evt.arg.oldpath': oldpath, 'evt.arg.newpath': newpath, 'fs.path.source': oldpath, 'fs.path.target': newpath });
      break;
    }
    case 'kill':
      Object.assign(fields, { 'evt.arg.pid': num(a['pid']), 'evt.arg.sig': signalName(num(a['sig'])) });
      break;
    default:
      for (const [name, value] of Object.entries(a)) fields[`evt.arg.${name}`] = value;
  }
  return { fields, apply };
}
