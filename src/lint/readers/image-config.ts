import { RampartError } from '../../core/index.js';
import type { Location } from '../../core/index.js';
import type { ContainerSpec, Instruction, Located, WorkloadSpec } from '../model.js';
import { emptyContainer } from '../model.js';
import { parseYaml } from '../yaml-view.js';

/** True when JSON text looks like an OCI/Docker image config (`rootfs`, `history`, `config`). */
export function looksLikeImageConfig(text: string): boolean {
  return /^\s*\{/.test(text) && /"(rootfs|history)"\s*:/.test(text) && /"config"\s*:/.test(text);
}

/**
 * Turns one history `created_by` into an instruction: legacy builder lines
 * (`/bin/sh -c #(nop)  CMD [...]`, `/bin/sh -c apk add ...`) and BuildKit ones (`RUN /bin/sh -c ... # buildkit`).
 */
export function historyInstruction(createdBy: string, location: Location): Instruction | undefined {
  let text = createdBy.trim().replace(/\s+# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(text);
  if (nop !== null) text = nop[1] ?? '';
  else if (text.startsWith('/bin/sh -c ')) text = `RUN ${text.slice('/bin/sh -c '.length)}`;
  else if (/^RUN \/bin\/sh -c /.test(text)) text = `RUN ${text.slice('RUN /bin/sh -c '.length)}`;
  const space = text.search(/\s/);
  if (space < 0) return undefined;
  const keyword = text.slice(0, space).toUpperCase();
  if (!/^[A-Z]+$/.test(keyword)) return undefined;
  // `ADD file:<digest> in /dest` → `ADD file:<digest> /dest`
  const args = text.slice(space).trim().replace(/^((?:file|dir|multi):\S+) in (\S+)$/, '$1 $2');
  return { keyword, flags: [], args, heredocs: [], location };
}

/** Reads an image config JSON (USER, HEALTHCHECK, ENV, history) into a build workload. */
export function readImageConfig(text: string, file: string): WorkloadSpec {
  const view = parseYaml(text, file).views[0];
  const root = view?.doc.contents;
  if (view === undefined || root === null || root === undefined) throw new RampartError('BAD_INPUT', `${file}: empty image config`, { location: { file } });
  const config = view.get(root, 'config');
  const fileLocation = view.locate(root);
  const instructions: Instruction[] = [];
  let base: Located<string> = { value: 'scratch', location: fileLocation };
  for (const entry of view.items(view.get(root, 'history'))) {
    const createdBy = view.str(view.get(entry, 'created_by'));
    if (createdBy === undefined) continue;
    const instruction = historyInstruction(createdBy.value, createdBy.location);
    if (instruction === undefined) continue;
    // The first `ADD file:... /` is the base image's root filesystem, not a build step of this image.
    if (instructions.every((i) => i.keyword !== 'ADD' && i.keyword !== 'COPY' && i.keyword !== 'RUN') && instruction.keyword === 'ADD' && / \/$/.test(instruction.args) && base.value === 'scratch') {
      base = { value: `(base layer ${instruction.args.split(' ')[0] ?? ''})`, location: instruction.location };
      continue;
    }
    instructions.push(instruction);
  }
  for (const env of view.items(view.get(config, 'Env'))) {
    const value = view.str(env);
    if (value !== undefined) instructions.push({ keyword: 'ENV', flags: [], args: value.value, heredocs: [], location: value.location });
  }
  const user = view.str(view.get(config, 'User'));
  const healthcheck = view.get(config, 'Healthcheck');
  const test = view.items(view.get(healthcheck, 'Test')).map((t) => view.str(t)?.value);
  const location = view.locate(config, fileLocation);
  const container: ContainerSpec = {
    ...emptyContainer('', 'container', location),
    ...(user === undefined || user.value === '' ? {} : { user }),
    healthcheck: { value: test.length > 0 && test[0] !== 'NONE', location: healthcheck === undefined ? location : view.locate(healthcheck) },
  };
  return {
    source: 'image',
    kind: 'image-config',
    name: file,
    location: fileLocation,
    sysctls: [],
    volumes: [],
    pod: {},
    annotations: [],
    containers: [container],
    build: { stages: [{ from: base, instructions: [{ keyword: 'FROM', flags: [], args: base.value, heredocs: [], location: base.location }, ...instructions] }] },
  };
}
