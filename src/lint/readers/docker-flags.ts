import type { Location } from '../../core/index.js';
import type { Located, Mount, ProfileRef } from '../model.js';

/** Docker capability names, normalised (`cap_sys_admin` → `SYS_ADMIN`). */
export function normaliseCapability(value: string): string {
  const upper = value.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** Parses `-v SRC:DST[:ro,...]` (a source without `/` or `.` is a named volume; one part is anonymous). */
export function parseVolumeFlag(value: string): Mount {
  const parts = value.split(':');
  if (parts.length === 1) return { source: '', target: parts[0] ?? '', type: 'volume', readOnly: false };
  const [source = '', target = '', options = ''] = parts;
  const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  return { source, target, type: bind ? 'bind' : 'volume', readOnly: options.split(',').includes('ro') };
}

/** Parses `--mount type=bind,source=/x,target=/y,readonly`. */
export function parseMountFlag(value: string): Mount {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    fields.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? 'true' : part.slice(eq + 1));
  }
  const type = fields.get('type') ?? 'volume';
  const readonly = fields.get('readonly') ?? fields.get('ro');
  return {
    source: fields.get('source') ?? fields.get('src') ?? '',
    target: fields.get('target') ?? fields.get('destination') ?? fields.get('dst') ?? '',
    type: type === 'bind' || type === 'volume' || type === 'tmpfs' ? type : 'other',
    readOnly: readonly !== undefined && readonly !== 'false' && readonly !== '0',
  };
}

export interface SecurityOpts {
  noNewPrivileges?: Located<boolean>;
  seccomp?: Located<ProfileRef>;
  appArmor?: Located<ProfileRef>;
  seLinux?: Located<{ type?: string; user?: string; role?: string; level?: string }>;
}

/** Applies one `--security-opt` value (`no-new-privileges[:true]`, `seccomp=unconfined`, `apparmor=...`, `label=...`). */
export function applySecurityOpt(into: SecurityOpts, value: string, location: Location): void {
  const sep = value.search(/[=:]/);
  const key = sep < 0 ? value : value.slice(0, sep);
  const arg = sep < 0 ? '' : value.slice(sep + 1);
  if (key === 'no-new-privileges') {
    into.noNewPrivileges = { value: arg === '' || arg === 'true', location };
  } else if (key === 'seccomp') {
    const type = arg === 'unconfined' ? 'Unconfined' : arg === '' || arg === 'builtin' ? 'RuntimeDefault' : 'Localhost';
    into.seccomp = { value: type === 'Localhost' ? { type, localhostProfile: arg } : { type }, location };
  } else if (key === 'apparmor') {
    const type = arg === 'unconfined' ? 'Unconfined' : arg === 'docker-default' || arg === '' ? 'RuntimeDefault' : 'Localhost';
    into.appArmor = { value: type === 'Localhost' ? { type, localhostProfile: arg } : { type }, location };
  } else if (key === 'label') {
    const previous = into.seLinux?.value ?? {};
    const colon = arg.indexOf(':');
    const field = colon < 0 ? arg : arg.slice(0, colon);
    const fieldValue = colon < 0 ? '' : arg.slice(colon + 1);
    const next = field === 'disable' ? { ...previous, type: 'spc_t' } : { ...previous, [field]: fieldValue };
    into.seLinux = { value: next, location };
  }
}

/** Docker memory sizes (`512m`, `1g`, `1073741824`) in bytes; NaN when malformed. */
export function parseByteSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)i?b?$/i.exec(value.trim());
  if (match === null) return Number.NaN;
  const scale: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Number(match[1]) * (scale[(match[2] ?? '').toLowerCase()] ?? Number.NaN);
}
