import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/var/lib/docker', '/root', '/run/containerd'];

function isSensitive(source: string): boolean {
  const normalised = source.replace(/\/+$/, '') || '/';
  return SENSITIVE.some((s) => normalised === s || (s !== '/' && normalised.startsWith(`${s}/`) && s !== '/usr'));
}

export const check = defineCheck({
  id: 'runtime/sensitive-host-mounts',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'Sensitive host directories must not be mounted into containers.',
  title: 'sensitive host directory mounted',
  severity: 'high',
  fixable: false,
  references: { cis: ['5.6'], pss: 'baseline: HostPath Volumes', cwe: ['CWE-668'] },
  remediation: 'Remove the bind mount of the host system directory; mount only the data directory the service needs, read-only.',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.mounts
        .filter((m) => m.value.type === 'bind' && isSensitive(m.value.source))
        .map((m) => ({ location: m.location, detail: `${describeContainer(c)} mounts host ${m.value.source}${m.value.readOnly ? ' (read-only)' : ''}` })),
    );
  },
});
