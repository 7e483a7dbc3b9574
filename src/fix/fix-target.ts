import { createTwoFilesPatch } from 'diff';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RampartError } from '../core/index.js';
import { detectFileKind, parseTarget } from '../lint/index.js';
import { fixComposeText } from './compose-fix.js';
import { fixDockerfileText } from './dockerfile-fix.js';
import { fixKubernetesText } from './kubernetes-fix.js';

export interface FileFix {
  readonly file: string;
  readonly kind: 'kubernetes' | 'compose' | 'dockerfile';
  readonly before: string;
  readonly after: string;
  readonly notes: readonly string[];
}

/** Applies the hardening fixer for a config file's kind to its text (pure: nothing is written). */
export function fixText(kind: FileFix['kind'], text: string, file: string): { text: string; notes: string[] } {
  switch (kind) {
    case 'kubernetes':
      return fixKubernetesText(text, file);
    case 'compose':
      return fixComposeText(text, file);
    case 'dockerfile':
      return fixDockerfileText(text, file);
  }
}

/** Reads a config file target and computes its hardened version. */
export async function fixFile(target: string, cwd: string): Promise<FileFix> {
  const { kind, rest } = parseTarget(target);
  if (kind === 'container') throw new RampartError('USAGE', `${target}: fix rewrites config files or a docker run argv, not live containers`);
  let before: string;
  try {
    before = await readFile(path.resolve(cwd, rest), 'utf8');
  } catch (error) {
    throw new RampartError('FILE_NOT_FOUND', `cannot read ${rest}`, { cause: error, location: { file: rest } });
  }
  const resolved = kind ?? detectFileKind(rest, before);
  if (resolved === 'container' || resolved === 'image-config') throw new RampartError('USAGE', `${target}: fix rewrites Dockerfiles, compose files and Kubernetes YAML`);
  const fixed = fixText(resolved, before, rest);
  return { file: rest, kind: resolved, before, after: fixed.text, notes: fixed.notes };
}

/** A unified diff (`--- a/FILE`, `+++ b/FILE`), empty when nothing changed. */
export function unifiedDiff(fix: Pick<FileFix, 'file' | 'before' | 'after'>): string {
  if (fix.before === fix.after) return '';
  const name = fix.file.replace(/^\/+/, '');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, fix.before, fix.after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '');
}
