import { RampartError } from '../core/index.js';

/** A parsed image reference (`[host[:port]/]path[:tag][@digest]`), with Docker Hub defaults applied. */
export interface ImageReference {
  /** `docker.io` for Docker Hub names; else the host[:port]. */
  readonly registry: string;
  /** `library/alpine` for Hub official images. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^\w[\w.-]{0,127}$/;
const digestPattern = /^sha256:[a-f0-9]{64}$/;
const hostPattern = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

/** Parses a reference the way Docker does (`alpine` → `docker.io/library/alpine:latest`). */
export function parseReference(text: string): ImageReference {
  const bad = (why: string): RampartError => new RampartError('BAD_REFERENCE', `invalid image reference ${JSON.stringify(text)}: ${why}`);
  if (text === '' || text.length > 512) throw bad('empty or too long');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) throw bad('digest must be sha256:<64 hex>');
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!tagPattern.test(tag)) throw bad(`invalid tag ${JSON.stringify(tag)}`);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    if (!hostPattern.test(first)) throw bad(`invalid registry host ${JSON.stringify(first)}`);
    registry = first === 'index.docker.io' || first === 'registry-1.docker.io' ? 'docker.io' : first;
    parts.shift();
  }
  if (parts.length === 0 || parts.some((p) => !component.test(p))) throw bad('repository must be lowercase path components');
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  return { registry, repository: parts.join('/'), tag: tag ?? (digest === undefined ? 'latest' : undefined), digest };
}

export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}

/** A canonical string for comparing references (`alpine` and `docker.io/library/alpine:latest` are equal); the input when unparsable. */
export function normaliseReference(text: string): string {
  try {
    return formatReference(parseReference(text));
  } catch {
    return text;
  }
}
