import { statSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/index.js';

export const imageSchemes = ['docker-archive', 'oci-archive', 'oci-dir', 'registry', 'docker', 'dir'] as const;
export type ImageScheme = (typeof imageSchemes)[number];

/** A target string split into scheme, host path or reference, and an optional tag (DESIGN.md §1). */
export type ImageTarget =
  | { readonly scheme: 'docker-archive' | 'oci-archive' | 'oci-dir' | 'archive'; readonly path: string; readonly tag: string | undefined }
  | { readonly scheme: 'dir'; readonly path: string }
  | { readonly scheme: 'registry' | 'docker' | 'docker-or-registry'; readonly reference: string };

function pathKind(p: string): 'file' | 'dir' | undefined {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** `FILE[:TAG]`: the longest-existing prefix is the path (paths may contain colons; tags do too). */
function splitPathAndTag(text: string, cwd: string, want: 'file' | 'dir'): { path: string; tag: string | undefined } {
  const whole = path.resolve(cwd, text);
  if (pathKind(whole) === want) return { path: whole, tag: undefined };
  for (let i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
    const candidate = path.resolve(cwd, text.slice(0, i));
    if (pathKind(candidate) === want) return { path: candidate, tag: text.slice(i + 1) || undefined };
  }
  throw new RampartError('FILE_NOT_FOUND', `${text}: no such ${want === 'dir' ? 'directory' : 'file'}`, { location: { file: whole } });
}

/**
 * Parses a target. With a scheme, its form is enforced; without, an existing directory is an OCI
 * layout (when it has `index.json`) or a root filesystem, an existing file is an archive (docker or
 * OCI, told apart by its members), and anything else is an image reference (local daemon first,
 * then its registry).
 */
export function parseImageTarget(text: string, cwd: string = process.cwd()): ImageTarget {
  const colon = text.indexOf(':');
  const scheme = colon > 0 ? text.slice(0, colon) : '';
  const rest = text.slice(colon + 1);
  if ((imageSchemes as readonly string[]).includes(scheme) && rest === '') {
    throw new RampartError('USAGE', `target ${text} names no ${scheme === 'registry' || scheme === 'docker' ? 'image' : 'path'}`);
  }
  switch (scheme) {
    case 'docker-archive':
    case 'oci-archive':
      return { scheme, ...splitPathAndTag(rest, cwd, 'file') };
    case 'oci-dir':
      return { scheme, ...splitPathAndTag(rest, cwd, 'dir') };
    case 'dir': {
      const p = path.resolve(cwd, rest);
      if (pathKind(p) !== 'dir') throw new RampartError('FILE_NOT_FOUND', `${rest}: no such directory`, { location: { file: p } });
      return { scheme, path: p };
    }
    case 'registry':
    case 'docker':
      return { scheme, reference: rest };
    default:
      break;
  }
  const local = path.resolve(cwd, text);
  const kind = pathKind(local);
  if (kind === 'dir') {
    return pathKind(path.join(local, 'index.json')) !== undefined ? { scheme: 'oci-dir', path: local, tag: undefined } : { scheme: 'dir', path: local };
  }
  if (kind === 'file') return { scheme: 'archive', path: local, tag: undefined };
  if (text.startsWith('.') || text.startsWith('/') || text.endsWith('.tar') || text.endsWith('.tar.gz')) {
    throw new RampartError('FILE_NOT_FOUND', `${text}: no such file or directory`, { location: { file: local } });
  }
  return { scheme: 'docker-or-registry', reference: text };
}

/** The canonical form of a target, as reported (`docker-archive:/abs/x.tar`). */
export function formatImageTarget(target: ImageTarget, resolvedScheme?: string): string {
  if (target.scheme === 'dir') return `dir:${target.path}`;
  if ('path' in target) return `${resolvedScheme ?? target.scheme}:${target.path}${target.tag === undefined ? '' : `:${target.tag}`}`;
  return `${resolvedScheme ?? target.scheme}:${target.reference}`;
}
