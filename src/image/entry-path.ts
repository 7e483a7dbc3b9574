import { RampartError } from '../core/index.js';
import type { Location } from '../core/index.js';

/**
 * Normalises a tar entry name to an absolute image path: `./etc/x`, `etc/x/` and `/etc/x` all give
 * `/etc/x` (absolute names are taken relative to the image root). A `..` that climbs above the root
 * makes the archive unsafe: the caller gets UNSAFE_PATH, never a path outside the root.
 */
export function normaliseEntryPath(name: string, maxPathLength: number, where: Location): string {
  if (name.includes('\0')) {
    throw new RampartError('UNSAFE_PATH', `entry name contains a NUL byte: ${JSON.stringify(name)}`, { location: where });
  }
  if (name.length > maxPathLength * 4) {
    throw limitError(name.length, maxPathLength, where);
  }
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) {
        throw new RampartError('UNSAFE_PATH', `entry ${JSON.stringify(name)} climbs out of the image root`, {
          location: where,
          detail: { entry: name },
        });
      }
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  const result = `/${parts.join('/')}`;
  if (result.length > maxPathLength) throw limitError(result.length, maxPathLength, where);
  return result;
}

function limitError(length: number, max: number, where: Location): RampartError {
  return new RampartError('LIMIT_EXCEEDED', `entry path of ${length} characters exceeds the limit of ${max} (maxPathLength)`, {
    location: where,
    detail: { limit: 'maxPathLength', value: length, max },
  });
}

/** The parent directory of a normalised absolute path (`/` for top-level entries). */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** The last component of a normalised absolute path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins a normalised directory and a relative or absolute path, clamping `..` at the root (like a chroot). */
export function resolveInsideRoot(fromDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromDir.split('/').filter((p) => p !== '');
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
