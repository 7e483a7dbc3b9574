import { defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';

const SOCKETS = ['/var/run/docker.sock', '/run/docker.sock', '/var/run', '/run', '/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock', '/var/run/crio/crio.sock'];

function isSocket(path: string | undefined): boolean {
  if (path === undefined) return false;
  const normalised = path.replace(/\/+$/, '');
  return SOCKETS.includes(normalised);
}

export const check = defineCheck({
  id: 'runtime/docker-socket-mount',
  version: 1,
  scope: 'workload',
  sources: ['kubernetes', 'compose', 'docker-run', 'container'],
  description: 'The container runtime socket must never be mounted into a container (it is root on the host).',
  title: 'container runtime socket mounted',
  severity: 'critical',
  fixable: true,
  references: { cis: ['5.32'], cwe: ['CWE-250', 'CWE-668'] },
  remediation: 'Remove the docker.sock (or containerd/crio socket) mount; use a narrowly scoped API proxy if the workload needs the Engine.',
  evaluate(workload) {
    const out: Violation[] = [];
    for (const c of workload.containers) {
      for (const m of c.mounts) {
        if (m.value.type === 'bind' && isSocket(m.value.source)) out.push({ location: m.location, detail: `${describeContainer(c)} mounts ${m.value.source}` });
      }
    }
    for (const v of workload.volumes) {
      if (isSocket(v.value.hostPath)) out.push({ location: v.location, detail: `volume ${v.value.name} is host path ${v.value.hostPath ?? ''}` });
    }
    return out;
  },
});
