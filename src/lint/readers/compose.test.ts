import { describe, expect, it } from 'vitest';
import { readCompose } from './compose.js';

describe('readCompose', () => {
  it.each([
    ['v2 service-level limits', 'version: "2.4"\nservices:\n  web:\n    image: nginx\n    mem_limit: 256m\n    cpus: 0.5\n    pids_limit: 50\n'],
    ['v3 deploy.resources', 'version: "3.8"\nservices:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits:\n          memory: 256m\n          cpus: "0.5"\n          pids: 50\n'],
  ])('reads %s', (_name, text) => {
    const [web] = readCompose(text, 'compose.yaml');
    const resources = web?.containers[0]?.resources;
    expect([resources?.memoryLimit?.value, String(resources?.cpuLimit?.value), resources?.pidsLimit?.value]).toEqual(['256m', '0.5', 50]);
    expect(resources?.memoryLimit?.location.line).toBeGreaterThan(3);
  });

  it('reads security settings, long and short volumes, and host modes with positions', () => {
    const text = [
      'services:',
      '  app:',
      '    image: app:1',
      '    privileged: true',
      '    user: "0"',
      '    read_only: true',
      '    network_mode: host',
      '    pid: host',
      '    cap_add: [SYS_ADMIN]',
      '    cap_drop: [ALL]',
      '    security_opt: ["no-new-privileges:true", "seccomp:unconfined"]',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock',
      '      - type: bind',
      '        source: /etc',
      '        target: /host-etc',
      '        read_only: true',
      '    sysctls:',
      '      net.core.somaxconn: 1024',
      '    healthcheck:',
      '      disable: true',
      '',
    ].join('\n');
    const [app] = readCompose(text, 'c.yaml');
    const c = app?.containers[0];
    expect(app?.name).toBe('app');
    expect(c?.privileged).toEqual({ value: true, location: { file: 'c.yaml', line: 4, column: 17 } });
    expect(c?.user?.value).toBe('0');
    expect(app?.hostNetwork?.value).toBe(true);
    expect(app?.hostPID?.value).toBe(true);
    expect(c?.capAdd.map((x) => x.value)).toEqual(['SYS_ADMIN']);
    expect(c?.allowPrivilegeEscalation?.value).toBe(false);
    expect(c?.seccomp?.value.type).toBe('Unconfined');
    expect(c?.mounts.map((m) => m.value)).toEqual([
      { source: '/var/run/docker.sock', target: '/var/run/docker.sock', type: 'bind', readOnly: false },
      { source: '/etc', target: '/host-etc', type: 'bind', readOnly: true },
    ]);
    expect(app?.sysctls.map((s) => s.value)).toEqual([{ name: 'net.core.somaxconn', value: '1024' }]);
    expect(c?.healthcheck?.value).toBe(false);
  });
});
