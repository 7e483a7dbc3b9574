import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import { readInlineExceptions } from './exceptions.js';
import type { LintInput } from './model.js';
import { openImage } from '../image/index.js';
import type { DockerEngine } from './docker-engine.js';
import { readOpenedImage } from './readers/image.js';
import { readCompose } from './readers/compose.js';
import { readContainerInspect } from './readers/docker-container.js';
import { readDockerfile } from './readers/dockerfile.js';
import { looksLikeImageConfig, readImageConfig } from './readers/image-config.js';
import { looksLikeKubernetes, readKubernetes } from './readers/kubernetes.js';

export type TargetKind = 'kubernetes' | 'compose' | 'dockerfile' | 'image-config' | 'container';

export interface LoadTargetOptions {
  /** Resolves relative paths. */
  readonly cwd: string;
}

const SCHEMES: Readonly<Record<string, TargetKind>> = { 'k8s:': 'kubernetes', 'compose:': 'compose', 'dockerfile:': 'dockerfile', 'image-config:': 'image-config', 'docker:': 'container' };

/** Splits `scheme:rest`; without a known scheme the kind is detected from the file. */
export function parseTarget(target: string): { kind: TargetKind | undefined; rest: string } {
  for (const [scheme, kind] of Object.entries(SCHEMES)) {
    if (target.startsWith(scheme)) return { kind, rest: target.slice(scheme.length) };
  }
  return { kind: undefined, rest: target };
}

/** Guesses a file's kind from its name, then from its content. */
export function detectFileKind(file: string, text: string): TargetKind {
  const base = path.basename(file).toLowerCase();
  if (base === 'dockerfile' || base === 'containerfile' || base.endsWith('.dockerfile') || base.startsWith('dockerfile.')) return 'dockerfile';
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(base)) return 'compose';
  if (looksLikeImageConfig(text)) return 'image-config';
  if (looksLikeKubernetes(text)) return 'kubernetes';
  if (/^services\s*:/m.test(text)) return 'compose';
  if (/^\s*FROM\s+\S/im.test(text)) return 'dockerfile';
  throw new RampartError('BAD_INPUT', `cannot tell what ${file} is (use a k8s:, compose:, dockerfile: or image-config: prefix)`, { location: { file } });
}

/** Reads a config file target into the lint model. */
export async function loadFileTarget(target: string, options: LoadTargetOptions): Promise<LintInput> {
  const { kind, rest } = parseTarget(target);
  const file = rest;
  let text: string;
  try {
    text = await readFile(path.resolve(options.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new RampartError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR', `cannot read ${file}`, { cause: error, location: { file } });
  }
  const resolved = kind ?? detectFileKind(file, text);
  const inlineExceptions = readInlineExceptions(text, file);
  switch (resolved) {
    case 'kubernetes': {
      const read = readKubernetes(text, file);
      return { target, workloads: read.workloads, meshPolicies: read.meshPolicies, inlineExceptions, text };
    }
    case 'compose':
      return { target, workloads: readCompose(text, file), meshPolicies: [], inlineExceptions, text };
    case 'dockerfile':
      return { target, workloads: [readDockerfile(text, file)], meshPolicies: [], inlineExceptions, text };
    case 'image-config':
      return { target, workloads: [readImageConfig(text, file)], meshPolicies: [], inlineExceptions, text };
    case 'container':
      throw new RampartError('USAGE', `${target}: a live container is not a file`);
  }
}

export interface TargetDependencies extends LoadTargetOptions {
  readonly docker: DockerEngine;
  /** Docker Engine address for daemon images (`DOCKER_HOST`). */
  readonly dockerHost?: string | undefined;
}

const IMAGE_PATH_SCHEMES = ['docker-archive:', 'oci-archive:', 'oci-dir:', 'dir:'];

/** Opens an image target through image access and reads its config and filesystem. */
async function loadImage(target: string, deps: TargetDependencies): Promise<LintInput> {
  const scheme = IMAGE_PATH_SCHEMES.find((s) => target.startsWith(s));
  const text = scheme === undefined ? target : `${scheme}${path.resolve(deps.cwd, target.slice(scheme.length))}`;
  const image = await openImage(text, deps.dockerHost === undefined ? {} : { dockerHost: deps.dockerHost });
  try {
    return { ...(await readOpenedImage(image, target)), target };
  } finally {
    await image.close();
  }
}

/** Reads any target: `docker:CONTAINER` through the Engine API, anything else as a file. */
export async function loadTarget(target: string, deps: TargetDependencies): Promise<LintInput> {
  if (IMAGE_PATH_SCHEMES.some((s) => target.startsWith(s)) || target.startsWith('registry:')) return loadImage(target, deps);
  const { kind, rest } = parseTarget(target);
  if (kind !== 'container') return loadFileTarget(target, deps);
  // docker:NAME is a container first; when none has that name, the daemon's image of that name.
  const inspect = await deps.docker.inspectContainer(rest);
  if (inspect === undefined) return loadImage(target, deps);
  return readContainerInspect(inspect, target);
}
