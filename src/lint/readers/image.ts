import type { ImageConfigFile, OpenedImage, SquashedFile } from '../../image/index.js';
import { squashFilesystem } from '../../image/index.js';
import { isNotable } from '../image-files.js';
import type { ContainerSpec, ImageFile, Instruction, LintInput, Located } from '../model.js';
import { emptyContainer } from '../model.js';
import { historyInstruction } from './image-config.js';

/** Reads an opened image: its config (USER, HEALTHCHECK, ENV, history) and the notable files of its squashed filesystem. */
export async function readOpenedImage(image: OpenedImage, target: string): Promise<LintInput> {
  const files = await squashFilesystem(image);
  return { target, workloads: [imageWorkload(image.config, target, files)], meshPolicies: [], inlineExceptions: [] };
}

export function imageWorkload(config: ImageConfigFile, target: string, files: ReadonlyMap<string, SquashedFile>): LintInput['workloads'][number] {
  const location = { file: target };
  const instructions: Instruction[] = [];
  for (const entry of config.history ?? []) {
    const instruction = entry.created_by === undefined ? undefined : historyInstruction(entry.created_by, location);
    if (instruction !== undefined && !(instruction.keyword === 'ADD' && / \/$/.test(instruction.args))) instructions.push(instruction);
  }
  for (const env of config.config?.Env ?? []) instructions.push({ keyword: 'ENV', flags: [], args: env, heredocs: [], location });
  const imageFiles: Located<ImageFile>[] = [];
  for (const [path, squashed] of files) {
    const file = { path, kind: squashed.entry.kind, mode: squashed.entry.mode };
    if (isNotable(file)) imageFiles.push({ value: file, location: { file: target, layer: squashed.layer.diffId, path } });
  }
  const user = config.config?.User;
  const test = config.config?.Healthcheck?.Test ?? [];
  const container: ContainerSpec = {
    ...emptyContainer('', 'container', location),
    ...(user === undefined || user === '' ? {} : { user: { value: user, location } }),
    healthcheck: { value: test.length > 0 && test[0] !== 'NONE', location },
  };
  return {
    source: 'image',
    kind: 'image',
    name: target,
    location,
    sysctls: [],
    volumes: [],
    pod: {},
    annotations: [],
    containers: [container],
    build: { stages: [{ from: { value: 'scratch', location }, instructions }] },
    imageFiles,
  };
}
