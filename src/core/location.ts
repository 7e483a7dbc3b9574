/**
 * Where a finding or an error is. Every field is optional because inputs differ: a Dockerfile has
 * file/line/column, an image file has a layer digest and a path inside the image.
 */
export interface Location {
  /** A host file (a Dockerfile, a manifest, an archive). */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** The layer's digest (`sha256:...`) for content inside an image. */
  readonly layer?: string;
  /** A path inside an image or a root filesystem, absolute (`/etc/passwd`). */
  readonly path?: string;
}

/** Renders a location the way compilers do: `file:line:column`, `path@layer`. */
export function formatLocation(location: Location): string {
  const parts: string[] = [];
  if (location.file !== undefined) {
    let head = location.file;
    if (location.line !== undefined) {
      head += `:${location.line}`;
      if (location.column !== undefined) head += `:${location.column}`;
    }
    parts.push(head);
  }
  if (location.path !== undefined) {
    parts.push(location.layer === undefined ? location.path : `${location.path}@${shortDigest(location.layer)}`);
  } else if (location.layer !== undefined) {
    parts.push(`layer ${shortDigest(location.layer)}`);
  }
  return parts.join(' ');
}

function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon < 0 ? digest.slice(0, 12) : digest.slice(0, colon + 13);
}
