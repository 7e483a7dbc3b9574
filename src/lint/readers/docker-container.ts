import * as z from 'zod/mini';
import { checkSchema, RampartError } from '../../core/index.js';
import type { LintInput } from '../model.js';
import type { RunFlag } from './docker-run.js';
import { buildWorkload } from './docker-run.js';

const inspectSchema = z.object({
  Name: z.optional(z.string()),
  Config: z.optional(
    z.partial(z.object({ Image: z.optional(z.string()), User: z.optional(z.string()), Healthcheck: z.nullish(z.object({ Test: z.nullish(z.array(z.string())) })) })),
  ),
  HostConfig: z.optional(
    z.partial(
      z.object({
        Privileged: z.boolean(),
        ReadonlyRootfs: z.boolean(),
        CapAdd: z.nullable(z.array(z.string())),
        CapDrop: z.nullable(z.array(z.string())),
        SecurityOpt: z.nullable(z.array(z.string())),
        NetworkMode: z.string(),
        PidMode: z.string(),
        IpcMode: z.string(),
        UTSMode: z.string(),
        UsernsMode: z.string(),
        Devices: z.nullable(z.array(z.object({ PathOnHost: z.optional(z.string()) }))),
        Sysctls: z.nullable(z.record(z.string(), z.string())),
        Memory: z.number(),
        NanoCpus: z.number(),
        CpuQuota: z.number(),
        PidsLimit: z.nullable(z.number()),
        RestartPolicy: z.nullable(z.object({ Name: z.optional(z.string()), MaximumRetryCount: z.optional(z.number()) })),
      }),
    ),
  ),
  Mounts: z.nullish(
    z.array(z.object({ Type: z.optional(z.string()), Source: z.optional(z.string()), Destination: z.optional(z.string()), RW: z.optional(z.boolean()) })),
  ),
  AppArmorProfile: z.optional(z.string()),
});

/** Reads a live container's Engine API inspect document into the lint model. */
export function readContainerInspect(raw: unknown, target: string): LintInput {
  const parsed = checkSchema(inspectSchema, raw);
  if (!parsed.success) throw new RampartError('BAD_INPUT', `${target}: unexpected Docker inspect document`, { cause: parsed.error });
  const inspect = parsed.data;
  const host = inspect.HostConfig ?? {};
  const location = { file: target };
  const flags: RunFlag[] = [];
  const add = (name: string, value: string): void => {
    flags.push({ name, value, location });
  };
  const name = (inspect.Name ?? '').replace(/^\//, '');
  if (name !== '') add('--name', name);
  add('--privileged', String(host.Privileged === true));
  add('--read-only', String(host.ReadonlyRootfs === true));
  // An empty User runs the image's default: the Engine reports what the container runs as, so empty means root.
  add('--user', inspect.Config?.User === undefined || inspect.Config.User === '' ? 'root' : inspect.Config.User);
  for (const cap of host.CapAdd ?? []) add('--cap-add', cap);
  for (const cap of host.CapDrop ?? []) add('--cap-drop', cap);
  for (const opt of host.SecurityOpt ?? []) add('--security-opt', opt);
  if (inspect.AppArmorProfile === 'unconfined') add('--security-opt', 'apparmor=unconfined');
  for (const [flag, mode] of [['--network', host.NetworkMode], ['--pid', host.PidMode], ['--ipc', host.IpcMode], ['--uts', host.UTSMode], ['--userns', host.UsernsMode]] as const) {
    if (mode !== undefined && mode !== '') add(flag, mode);
  }
  for (const mount of inspect.Mounts ?? []) {
    const type = mount.Type === 'bind' ? 'bind' : mount.Type === 'tmpfs' ? 'tmpfs' : 'volume';
    add('--mount', `type=${type},source=${mount.Source ?? ''},target=${mount.Destination ?? ''}${mount.RW === false ? ',readonly' : ''}`);
  }
  for (const device of host.Devices ?? []) add('--device', device.PathOnHost ?? '');
  for (const [key, value] of Object.entries(host.Sysctls ?? {})) add('--sysctl', `${key}=${value}`);
  if ((host.Memory ?? 0) > 0) add('--memory', String(host.Memory));
  if ((host.NanoCpus ?? 0) > 0) add('--cpus', String((host.NanoCpus ?? 0) / 1e9));
  else if ((host.CpuQuota ?? 0) > 0) add('--cpu-quota', String(host.CpuQuota));
  if (host.PidsLimit !== null && host.PidsLimit !== undefined && host.PidsLimit > 0) add('--pids-limit', String(host.PidsLimit));
  const restart = host.RestartPolicy?.Name;
  if (restart !== undefined && restart !== '') add('--restart', restart === 'on-failure' ? `on-failure:${host.RestartPolicy?.MaximumRetryCount ?? 0}` : restart);
  const test = inspect.Config?.Healthcheck?.Test;
  if (test !== undefined && test !== null) add(test[0] === 'NONE' ? '--no-healthcheck' : '--health-cmd', test.slice(1).join(' '));
  const image = { value: inspect.Config?.Image ?? '', location };
  const workload = { ...buildWorkload(flags, image, 'container'), kind: 'container' };
  return { target, workloads: [workload], meshPolicies: [], inlineExceptions: [] };
}
