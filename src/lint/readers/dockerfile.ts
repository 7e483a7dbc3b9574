import { RampartError } from '../../core/index.js';
import type { BuildStage, ContainerSpec, Instruction, Located, WorkloadSpec } from '../model.js';
import { emptyContainer } from '../model.js';

const MAX_INSTRUCTIONS = 100_000;

/** Splits a Dockerfile into instructions: comments dropped, `\` continuations joined, heredocs collected. */
export function parseInstructions(text: string, file: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/i.test(lines[0] ?? '') ? '`' : '\\';
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const startLine = i + 1;
    const column = raw.length - raw.trimStart().length + 1;
    let body = trimmed;
    while (body.endsWith(escape) && i + 1 < lines.length) {
      body = body.slice(0, -1);
      i++;
      let next = (lines[i] ?? '').trim();
      while (next.startsWith('#') && i + 1 < lines.length) next = (lines[++i] ?? '').trim();
      body += ` ${next}`;
    }
    i++;
    const heredocs: string[] = [];
    for (const match of body.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)) {
      const delimiter = match[2] ?? '';
      const content: string[] = [];
      while (i < lines.length && (lines[i] ?? '').trim() !== delimiter) content.push(lines[i++] ?? '');
      if (i >= lines.length) throw new RampartError('PARSE_ERROR', `${file}: unterminated heredoc ${delimiter}`, { location: { file, line: startLine, column } });
      i++;
      heredocs.push(content.join('\n'));
    }
    const space = body.search(/\s/);
    const keyword = (space < 0 ? body : body.slice(0, space)).toUpperCase();
    let rest = space < 0 ? '' : body.slice(space).trim();
    const flags: string[] = [];
    while (rest.startsWith('--')) {
      const end = rest.search(/\s/);
      flags.push(end < 0 ? rest : rest.slice(0, end));
      rest = end < 0 ? '' : rest.slice(end).trim();
    }
    out.push({ keyword, flags, args: rest, heredocs, location: { file, line: startLine, column } });
    if (out.length > MAX_INSTRUCTIONS) throw new RampartError('LIMIT_EXCEEDED', `${file}: too many instructions`);
  }
  return out;
}

/** Reads a Dockerfile into one workload: the final stage's image, USER and HEALTHCHECK, plus every stage. */
export function readDockerfile(text: string, file: string): WorkloadSpec {
  const stages: { name?: string; from: Located<string>; instructions: Instruction[] }[] = [];
  for (const instruction of parseInstructions(text, file)) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/);
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      const name = as >= 0 ? words[as + 1] : undefined;
      stages.push({ ...(name === undefined ? {} : { name }), from: { value: words[0] ?? '', location: instruction.location }, instructions: [instruction] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new RampartError('PARSE_ERROR', `${file}: ${instruction.keyword} before FROM`, { location: instruction.location });
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  const final = stages[stages.length - 1];
  if (final === undefined) throw new RampartError('PARSE_ERROR', `${file}: no FROM instruction`, { location: { file, line: 1 } });
  let container: ContainerSpec = { ...emptyContainer('', 'container', final.from.location), image: resolveStageImage(final, stages) };
  let healthcheck: Located<boolean> | undefined;
  // A stage built FROM an earlier stage inherits its USER and HEALTHCHECK: walk the chain base-first.
  for (const instruction of stageChain(final, stages).flatMap((stage) => stage.instructions)) {
    if (instruction.keyword === 'USER') container = { ...container, user: { value: instruction.args.trim(), location: instruction.location } };
    if (instruction.keyword === 'HEALTHCHECK') healthcheck = { value: !/^none\b/i.test(instruction.args), location: instruction.location };
  }
  container = { ...container, ...(healthcheck === undefined ? {} : { healthcheck }) };
  const build: { stages: BuildStage[] } = { stages };
  return {
    source: 'dockerfile',
    kind: 'Dockerfile',
    name: file,
    location: final.from.location,
    sysctls: [],
    volumes: [],
    pod: {},
    annotations: [],
    containers: [container],
    build,
  };
}

/** The stages a stage builds on (`FROM base` naming an earlier stage), base first, ending with the stage. */
function stageChain(stage: BuildStage, stages: readonly BuildStage[]): BuildStage[] {
  const chain: BuildStage[] = [stage];
  let current = stage;
  for (let depth = 0; depth < stages.length; depth++) {
    const index = stages.indexOf(current);
    const parent = stages.slice(0, index).find((s) => s.name !== undefined && s.name.toLowerCase() === current.from.value.toLowerCase());
    if (parent === undefined) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** A final stage `FROM builder` inherits the named stage's base image. */
function resolveStageImage(stage: BuildStage, stages: readonly BuildStage[]): Located<string> {
  let current = stage;
  for (let depth = 0; depth < stages.length; depth++) {
    const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === current.from.value.toLowerCase());
    if (parent === undefined || parent === current) break;
    current = parent;
  }
  return current.from;
}
