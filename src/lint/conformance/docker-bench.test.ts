import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { checkRegistry } from '../check-registry.js';
import { lintInput } from '../lint-engine.js';
import { findProfile } from '../profiles.js';
import { readDockerRunArgv } from '../readers/docker-run.js';
import { lintText } from './run-text.js';

type Probe = { readonly kind: 'run'; readonly bad: string[]; readonly good: string[] } | { readonly kind: 'dockerfile'; readonly bad: string; readonly good: string };

const BASE = ['--read-only', '--cap-drop=ALL', '--user', '65534', '--security-opt', 'no-new-privileges', '--memory', '256m', '--cpus', '1', '--pids-limit', '64'];
const IMAGE = 'registry.example/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const run = (extra: string[], base: string[] = BASE): string[] => ['docker', 'run', ...base, ...extra, IMAGE];
const without = (...flags: string[]): string[] => BASE.filter((_, i) => !flags.some((f) => BASE[i] === f || BASE[i - 1] === f));

/** docker-bench-security checks (CIS Docker Benchmark v1.6.0) that Rampart lint decides, with a bad and a good config each. */
const COVERED: Readonly<Record<string, { readonly check: string; readonly probe: Probe }>> = {
  '4.1': { check: 'runtime/non-root-user', probe: { kind: 'dockerfile', bad: 'FROM scratch\nUSER root\n', good: 'FROM scratch\nUSER 65534\n' } },
  '4.6': { check: 'runtime/healthcheck', probe: { kind: 'dockerfile', bad: 'FROM scratch\nUSER 1\n', good: 'FROM scratch\nUSER 1\nHEALTHCHECK CMD ["/app", "health"]\n' } },
  '4.9': { check: 'dockerfile/add-instead-of-copy', probe: { kind: 'dockerfile', bad: 'FROM scratch\nADD app /app\n', good: 'FROM scratch\nCOPY app /app\n' } },
  '4.10': { check: 'dockerfile/secrets-in-env', probe: { kind: 'dockerfile', bad: 'FROM scratch\nENV DB_PASSWORD=hunter2\n', good: 'FROM scratch\nENV DB_HOST=db\n' } },
  '5.2': { check: 'runtime/apparmor-unconfined', probe: { kind: 'run', bad: run(['--security-opt', 'apparmor=unconfined']), good: run([]) } },
  '5.3': { check: 'runtime/apparmor-unconfined', probe: { kind: 'run', bad: run(['--security-opt', 'label=disable']), good: run(['--security-opt', 'label=type:container_t']) } },
  '5.4': { check: 'runtime/cap-drop-all', probe: { kind: 'run', bad: run([], without('--cap-drop=ALL')), good: run([]) } },
  '5.5': { check: 'runtime/privileged', probe: { kind: 'run', bad: run(['--privileged']), good: run([]) } },
  '5.6': { check: 'runtime/sensitive-host-mounts', probe: { kind: 'run', bad: run(['-v', '/etc:/host/etc']), good: run(['-v', '/srv/data:/data:ro']) } },
  '5.7': { check: 'dockerfile/expose-ssh', probe: { kind: 'dockerfile', bad: 'FROM scratch\nEXPOSE 22\n', good: 'FROM scratch\nEXPOSE 8080\n' } },
  '5.10': { check: 'runtime/host-namespaces', probe: { kind: 'run', bad: run(['--network', 'host']), good: run(['--network', 'none']) } },
  '5.11': { check: 'runtime/memory-limit', probe: { kind: 'run', bad: run([], without('--memory')), good: run([]) } },
  '5.12': { check: 'runtime/cpu-limit', probe: { kind: 'run', bad: run([], without('--cpus')), good: run([]) } },
  '5.13': { check: 'runtime/read-only-root-filesystem', probe: { kind: 'run', bad: run([], without('--read-only')), good: run([]) } },
  '5.15': { check: 'runtime/restart-policy', probe: { kind: 'run', bad: run(['--restart', 'always']), good: run(['--restart', 'on-failure:5']) } },
  '5.16': { check: 'runtime/host-namespaces', probe: { kind: 'run', bad: run(['--pid', 'host']), good: run([]) } },
  '5.17': { check: 'runtime/host-namespaces', probe: { kind: 'run', bad: run(['--ipc', 'host']), good: run(['--ipc', 'private']) } },
  '5.18': { check: 'runtime/host-devices', probe: { kind: 'run', bad: run(['--device', '/dev/sda']), good: run([]) } },
  '5.21': { check: 'runtime/host-namespaces', probe: { kind: 'run', bad: run(['--uts', 'host']), good: run([]) } },
  '5.22': { check: 'runtime/seccomp-unconfined', probe: { kind: 'run', bad: run(['--security-opt', 'seccomp=unconfined']), good: run([]) } },
  '5.26': { check: 'runtime/no-new-privileges', probe: { kind: 'run', bad: run([], without('no-new-privileges')), good: run([]) } },
  '5.27': { check: 'runtime/healthcheck', probe: { kind: 'run', bad: run(['--no-healthcheck']), good: run(['--health-cmd', '/app health']) } },
  '5.29': { check: 'runtime/pids-limit', probe: { kind: 'run', bad: run([], without('--pids-limit')), good: run([]) } },
  '5.31': { check: 'runtime/host-namespaces', probe: { kind: 'run', bad: run(['--userns', 'host']), good: run([]) } },
  '5.32': { check: 'runtime/docker-socket-mount', probe: { kind: 'run', bad: run(['-v', '/var/run/docker.sock:/var/run/docker.sock']), good: run([]) } },
};

/** Security checks of sections 4 and 5 that lint does not decide, and why. */
const NOT_COVERED: Readonly<Record<string, string>> = {
  '4.2': 'trusted base images is a registry/provenance policy (digest pinning is runtime/image-digest-pinned, a different question)',
  '4.3': 'needs the image filesystem (image checks are not in this build of lint)',
  '4.4': 'vulnerability scanning is rampart scan',
  '4.5': 'Docker Content Trust is a client/daemon setting, not a container config',
  '4.7': 'build caching hygiene, not a hardening setting',
  '4.8': 'setuid/setgid files need the image filesystem (image checks are not in this build of lint)',
  '4.11': 'package signature verification happens in the package manager, not in the config',
  '4.12': 'artifact signature validation is a supply-chain policy outside container config',
  '5.1': 'swarm mode is a daemon setting',
  '5.8': 'published ports are the normal way to expose a container; Rampart does not judge -p mappings',
  '5.9': 'which ports are needed is application knowledge (manual check)',
  '5.14': 'host interface binding of published ports is not judged (see 5.8)',
  '5.19': 'ulimit needs are application knowledge (manual check)',
  '5.20': 'mount propagation modes are not read yet',
  '5.23': 'docker exec --privileged is a runtime event (rampart watch), not a config',
  '5.24': 'docker exec --user root is a runtime event (rampart watch), not a config',
  '5.25': 'cgroup parent confirmation is an operator review (manual)',
  '5.28': 'image freshness is a manual review',
  '5.30': 'use of docker0 is a daemon network design question (manual)',
};

function fires(probe: Probe, side: 'bad' | 'good', checkId: string): boolean {
  if (probe.kind === 'dockerfile') return lintText('dockerfile', probe[side]).some((f) => f.id === checkId);
  const input = readDockerRunArgv(probe[side]);
  const result = lintInput(input, { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' });
  return result.findings.some((f) => f.id === checkId);
}

describeWithTestdata('docker-bench-security container checks (CIS Docker Benchmark v1.6.0)', (root) => {
  it('covers every image/runtime security check it can decide from config, each verified bad and good', () => {
    const data = JSON.parse(readFileSync(path.join(root, 'k8s-config', 'docker-bench-security', 'docker-bench-checks.json'), 'utf8')) as {
      checks: { id: string; title: string; is_section_header: boolean }[];
    };
    const relevant = data.checks.filter((c) => !c.is_section_header && /^[45]\./.test(c.id));
    const unaccounted = relevant.filter((c) => COVERED[c.id] === undefined && NOT_COVERED[c.id] === undefined).map((c) => c.id);
    const wrong: string[] = [];
    for (const c of relevant) {
      const covered = COVERED[c.id];
      if (covered === undefined) continue;
      if (!fires(covered.probe, 'bad', covered.check)) wrong.push(`${c.id} bad not reported`);
      if (fires(covered.probe, 'good', covered.check)) wrong.push(`${c.id} good reported`);
    }
    const coveredCount = relevant.filter((c) => COVERED[c.id] !== undefined).length;
    console.log(`docker-bench: ${coveredCount}/${relevant.length} section 4-5 checks decided by lint (each bad+good verified); ${relevant.length - coveredCount} not applicable, reasons in the test`);
    expect(unaccounted).toEqual([]);
    expect(wrong).toEqual([]);
  });
});
