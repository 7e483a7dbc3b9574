import type { Command } from 'commander';
import { Option } from 'commander';
import type { Finding, Severity, Unknown } from '../../core/index.js';
import { ExitCode, RampartError, atLeast, parseSeverity } from '../../core/index.js';
import type { LintException, LintInput } from '../../lint/index.js';
import {
  DEFAULT_PROFILE,
  checkRegistry,
  createDockerEngine,
  findProfile,
  lintInput,
  loadTarget,
  parsePssVersion,
  readDockerRunArgv,
  readExceptionsFile,
} from '../../lint/index.js';
import type { RuleInfo, SuppressedEntry } from '../../report/index.js';
import { reporterRegistry } from '../../report/index.js';
import type { CliCommand } from '../cli-command.js';
import type { CommandContext } from '../context.js';
import { chooseFormat } from '../global-options.js';
import { packageVersion } from '../version.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const FORMATS = ['table', 'json', 'sarif', 'junit', 'markdown'] as const;

interface LintOptions {
  profile: string;
  pssVersion: string;
  failOn: string;
  exceptions?: string;
}

/**
 * Splits the operands into targets and a `docker run ...` argv (given after `--`, which commander
 * passes on as operands): the argv starts at the first `docker run`, `docker container run` or
 * `podman run`.
 */
export function splitOperands(operands: readonly string[]): { targets: string[]; argv: string[] | undefined } {
  const start = operands.findIndex(
    (word, i) => (word === 'docker' || word === 'podman') && (operands[i + 1] === 'run' || (operands[i + 1] === 'container' && operands[i + 2] === 'run')),
  );
  if (start < 0) return { targets: [...operands], argv: undefined };
  return { targets: operands.slice(0, start), argv: operands.slice(start) };
}

export const lintCommand: CliCommand = {
  name: 'lint',
  register(program, wrap) {
    program
      .command('lint')
      .description('check Dockerfiles, docker run argv, compose files, Kubernetes YAML, images and live containers for hardening')
      .argument('[targets...]', 'files (Dockerfile, compose.yaml, Kubernetes YAML, image-config:JSON), images (docker-archive:, oci-archive:, oci-dir:, registry:, dir:), docker:NAME (a container, else the daemon image), or -- docker run ARGS...')
      .addOption(new Option('--profile <profile>', 'pss-baseline | pss-restricted | rampart').default(DEFAULT_PROFILE))
      .option('--pss-version <version>', 'Pod Security Standards version: latest or v1.N', 'latest')
      .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity', 'medium')
      .option('--exceptions <file>', 'YAML file of exceptions (check, reason, optional expires/file/workload)')
      .addHelpText('after', '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input, 3 incomplete, 70 internal error.')
      .action(wrap(async (context, command) => runLint(context, command)));
  },
};

async function runLint(context: CommandContext, command: Command): Promise<ExitCode> {
  const opts = command.opts<LintOptions>();
  const format = chooseFormat(context.globals, FORMATS, 'table');
  const profile = findProfile(opts.profile);
  const pssVersion = parsePssVersion(opts.pssVersion);
  const failOn = parseSeverity(opts.failOn);
  if (failOn === undefined) throw new RampartError('USAGE', `invalid --fail-on ${opts.failOn}`);
  const { targets, argv } = splitOperands(command.processedArgs[0] as string[]);
  if (targets.length === 0 && argv === undefined) throw new RampartError('USAGE', 'lint needs a target (a file, docker:CONTAINER, or -- docker run ...)');
  const exceptions = opts.exceptions === undefined ? [] : await loadExceptions(opts.exceptions, context.io.cwd);

  const inputs: LintInput[] = [];
  const docker = createDockerEngine({ host: context.io.env['DOCKER_HOST'] });
  for (const target of targets) inputs.push(await loadTarget(target, { cwd: context.io.cwd, docker, dockerHost: context.io.env['DOCKER_HOST'] }));
  if (argv !== undefined) inputs.push(readDockerRunArgv(argv));

  const today = new Date().toISOString().slice(0, 10);
  const findings: Finding[] = [];
  const suppressed: SuppressedEntry[] = [];
  const unknowns: Unknown[] = [];
  for (const input of inputs) {
    if (input.workloads.length === 0 && input.meshPolicies.length === 0) {
      unknowns.push({ reason: 'no container, pod template or mesh policy found', location: { file: input.target } });
    }
    if (profile.id.startsWith('pss-') && input.workloads.some((w) => w.source !== 'kubernetes')) {
      context.warn(`${input.target}: the ${profile.id} profile applies to Kubernetes inputs only; use --profile rampart for this input`);
    }
    const result = lintInput(input, { registry: checkRegistry, profile, context: { pssVersion }, exceptions, today });
    findings.push(...result.findings);
    for (const s of result.suppressed) {
      suppressed.push({ finding: s.finding, reason: s.exception.reason, ...(s.exception.expires === undefined ? {} : { expires: s.exception.expires }), source: s.exception.location });
    }
  }
  const reporter = reporterRegistry.get(format);
  if (reporter === undefined) throw new RampartError('INTERNAL', `no reporter ${format}`);
  const rules: RuleInfo[] = checkRegistry.units.map((c) => ({ id: c.id, description: c.description, severity: c.severity, helpText: c.remediation }));
  await context.emit(
    reporter.render(
      {
        tool: { name: 'rampart', version: packageVersion() },
        command: 'lint',
        targets: [...targets, ...(argv === undefined ? [] : ['docker run argv'])],
        findings,
        suppressed,
        unknowns,
        rules,
      },
      { color: context.globals.color && context.io.stdout.isTTY === true },
    ),
  );
  return exitCodeFor(findings, unknowns, failOn);
}

function exitCodeFor(findings: readonly Finding[], unknowns: readonly Unknown[], failOn: Severity): ExitCode {
  if (findings.some((f) => atLeast(f.severity, failOn))) return ExitCode.findings;
  if (unknowns.length > 0) return ExitCode.incomplete;
  return ExitCode.ok;
}

async function loadExceptions(file: string, cwd: string): Promise<LintException[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new RampartError('FILE_NOT_FOUND', `cannot read exceptions file ${file}`, { cause: error, location: { file } });
  }
  return readExceptionsFile(text, file);
}
