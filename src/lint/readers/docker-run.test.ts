import { describe, expect, it } from 'vitest';
import { readDockerRunArgv } from './docker-run.js';

const read = (...argv: string[]) => {
  const workload = readDockerRunArgv(['docker', 'run', ...argv]).workloads[0];
  if (workload === undefined) throw new Error('no workload');
  return { workload, container: workload.containers[0] };
};

describe('readDockerRunArgv', () => {
  it.each([
    [['--privileged', 'img'], (r: ReturnType<typeof read>) => r.container?.privileged?.value, true],
    [['--read-only', 'img'], (r: ReturnType<typeof read>) => r.container?.readOnlyRootFilesystem?.value, true],
    [['-u', 'nobody', 'img'], (r: ReturnType<typeof read>) => r.container?.user?.value, 'nobody'],
    [['--user=1000:1000', 'img'], (r: ReturnType<typeof read>) => r.container?.user?.value, '1000:1000'],
    [['--cap-drop=all', '--cap-add', 'cap_net_admin,SYS_TIME', 'img'], (r: ReturnType<typeof read>) => [...(r.container?.capDrop ?? []), ...(r.container?.capAdd ?? [])].map((c) => c.value), ['ALL', 'NET_ADMIN', 'SYS_TIME']],
    [['--security-opt', 'no-new-privileges', 'img'], (r: ReturnType<typeof read>) => r.container?.allowPrivilegeEscalation?.value, false],
    [['--security-opt=seccomp=unconfined', 'img'], (r: ReturnType<typeof read>) => r.container?.seccomp?.value.type, 'Unconfined'],
    [['--security-opt', 'apparmor=unconfined', 'img'], (r: ReturnType<typeof read>) => r.container?.appArmor?.value.type, 'Unconfined'],
    [['--net=host', '--pid', 'host', '--ipc=host', '--uts', 'host', '--userns=host', 'img'], (r: ReturnType<typeof read>) => [r.workload.hostNetwork?.value, r.workload.hostPID?.value, r.workload.hostIPC?.value, r.workload.hostUTS?.value, r.workload.hostUsers?.value], [true, true, true, true, true]],
    [['-v', '/var/run/docker.sock:/var/run/docker.sock:ro', 'img'], (r: ReturnType<typeof read>) => r.container?.mounts[0]?.value, { source: '/var/run/docker.sock', target: '/var/run/docker.sock', type: 'bind', readOnly: true }],
    [['--mount', 'type=bind,src=/etc,dst=/host,readonly', 'img'], (r: ReturnType<typeof read>) => r.container?.mounts[0]?.value, { source: '/etc', target: '/host', type: 'bind', readOnly: true }],
    [['-v', 'data:/data', 'img'], (r: ReturnType<typeof read>) => r.container?.mounts[0]?.value.type, 'volume'],
    [['--device', '/dev/sda', 'img'], (r: ReturnType<typeof read>) => r.container?.devices.map((d) => d.value), ['/dev/sda']],
    [['-m', '512m', '--cpus', '1.5', '--pids-limit', '64', 'img'], (r: ReturnType<typeof read>) => [r.container?.resources.memoryLimit?.value, r.container?.resources.cpuLimit?.value, r.container?.resources.pidsLimit?.value], ['512m', '1.5', 64]],
    [['--sysctl', 'net.ipv4.ip_forward=1', 'img'], (r: ReturnType<typeof read>) => r.workload.sysctls.map((s) => s.value), [{ name: 'net.ipv4.ip_forward', value: '1' }]],
    [['--restart=always', '--no-healthcheck', 'img'], (r: ReturnType<typeof read>) => [r.container?.restartPolicy?.value, r.container?.healthcheck?.value], ['always', false]],
    [['-it', '--rm', '-e', 'A=--privileged', 'img', '--privileged'], (r: ReturnType<typeof read>) => [r.container?.privileged, r.container?.image?.value], [undefined, 'img']],
  ] as const)('reads %j', (argv, pick, expected) => {
    expect(pick(read(...argv))).toEqual(expected);
  });

  it('locates each flag by argument position', () => {
    const { container } = read('--rm', '--privileged', 'img');
    expect(container?.privileged?.location).toEqual({ file: '<argv>', line: 1, column: 4 });
    expect(container?.image?.location.column).toBe(5);
  });

  it('rejects an argv with no image', () => {
    expect(() => readDockerRunArgv(['docker', 'run', '--privileged'])).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
