import type { FieldValue } from '../event.js';
import type { DockerContainer, DockerEngine, DockerImage } from './docker-engine.js';

/** What the enrichment knows about one container: its event fields and its writable layer. */
export interface ContainerInfo {
  readonly fullId: string;
  /** `container.*` and `k8s.*` fields, libsinsp names. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** overlay2 upper directory (the container's writable layer) on the host, when known. */
  readonly upperDir: string | undefined;
  /** Why the engine could not describe it (daemon down, container gone), when so. */
  readonly unknownReason?: string;
}

export interface ContainerCache {
  /** Cached lookup; concurrent calls for one id share one request. */
  lookup(fullId: string): Promise<ContainerInfo>;
  /** Cached result only (undefined until `lookup` resolved). */
  peek(fullId: string): ContainerInfo | undefined;
  forget(fullId: string): void;
}

export function createContainerCache(engine: DockerEngine): ContainerCache {
  const done = new Map<string, ContainerInfo>();
  const pending = new Map<string, Promise<ContainerInfo>>();
  return {
    lookup(fullId) {
      const cached = done.get(fullId);
      if (cached !== undefined) return Promise.resolve(cached);
      const inFlight = pending.get(fullId);
      if (inFlight !== undefined) return inFlight;
      const promise = describe(engine, fullId).then((info) => {
        pending.delete(fullId);
        done.set(fullId, info);
        return info;
      });
      pending.set(fullId, promise);
      return promise;
    },
    peek: (fullId) => done.get(fullId),
    forget(fullId) {
      done.delete(fullId);
    },
  };
}

async function describe(engine: DockerEngine, fullId: string): Promise<ContainerInfo> {
  let container: DockerContainer | undefined;
  try {
    container = await engine.inspectContainer(fullId);
  } catch (error) {
    return minimal(fullId, error instanceof Error ? error.message : String(error));
  }
  if (container === undefined) return minimal(fullId, 'container not found in Docker');
  let image: DockerImage | undefined;
  if (container.Image !== undefined) {
    try {
      image = await engine.inspectImage(container.Image);
    } catch {
      image = undefined; // image fields stay unknown; the container fields are still useful
    }
  }
  return { fullId, fields: containerFields(container, image), upperDir: container.GraphDriver?.Data?.['UpperDir'] };
}

function minimal(fullId: string, reason: string): ContainerInfo {
  return { fullId, fields: { 'container.id': fullId.slice(0, 12), 'container.full_id': fullId, 'container.type': 'docker' }, upperDir: undefined, unknownReason: reason };
}

/** Splits `repo[:tag][@digest]` (a registry port is not a tag). */
export function splitImageReference(reference: string): { repository: string; tag?: string; digest?: string } {
  const [nameTag = '', digest] = reference.split('@', 2);
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  const result: { repository: string; tag?: string; digest?: string } = { repository: nameTag };
  if (colon > slash) {
    result.repository = nameTag.slice(0, colon);
    result.tag = nameTag.slice(colon + 1);
  }
  if (digest !== undefined) result.digest = digest;
  return result;
}

/** Maps `docker inspect` output to libsinsp container/k8s field names. */
export function containerFields(container: DockerContainer, image: DockerImage | undefined): Record<string, FieldValue> {
  const labels = container.Config?.Labels ?? {};
  const imageName = container.Config?.Image ?? '';
  const ref = splitImageReference(imageName.startsWith('sha256:') ? (image?.RepoTags?.[0] ?? imageName) : imageName);
  const repoDigest = image?.RepoDigests?.[0];
  const digest = ref.digest ?? (repoDigest === undefined ? undefined : repoDigest.split('@')[1]);
  const mounts = (container.Mounts ?? []).map(
    (m) => `${m.Source ?? ''}:${m.Destination ?? ''}:${m.Mode ?? ''}:${String(m.RW ?? false)}:${m.Propagation ?? ''}`,
  );
  const networks = Object.values(container.NetworkSettings?.Networks ?? {});
  const fields: Record<string, FieldValue> = {
    'container.id': container.Id.slice(0, 12),
    'container.full_id': container.Id,
    'container.type': 'docker',
    'container.name': (container.Name ?? '').replace(/^\//, ''),
    'container.image': imageName,
    'container.image.id': (container.Image ?? '').replace(/^sha256:/, '').slice(0, 12),
    'container.image.repository': ref.repository,
    'container.image.tag': ref.tag ?? (ref.digest === undefined ? 'latest' : null),
    'container.image.digest': digest ?? null,
    'container.privileged': container.HostConfig?.Privileged ?? false,
    'container.mounts': mounts.join(','),
    'container.labels': Object.entries(labels).map(([k, v]) => `${k}:${v}`).join(', '),
    'container.label': { ...labels },
    'container.host_network': container.HostConfig?.NetworkMode === 'host',
    'container.host_pid': container.HostConfig?.PidMode === 'host',
    'container.host_ipc': container.HostConfig?.IpcMode === 'host',
    'container.ip': container.NetworkSettings?.IPAddress || networks[0]?.IPAddress || null,
    'container.start_ts': container.State?.StartedAt === undefined ? null : isoToNanos(container.State.StartedAt),
    'k8s.pod.name': labels['io.kubernetes.pod.name'] ?? null,
    'k8s.ns.name': labels['io.kubernetes.pod.namespace'] ?? null,
    'k8s.pod.uid': labels['io.kubernetes.pod.uid'] ?? null,
    'k8s.pod.sandbox_id': (labels['io.kubernetes.sandbox.id'] ?? '').slice(0, 12) || null,
  };
  return fields;
}

function isoToNanos(iso: string): string | null {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(iso);
  if (match === null) return null;
  const seconds = Date.parse(`${match[1] ?? ''}Z`);
  if (Number.isNaN(seconds)) return null;
  const frac = (match[2] ?? '').padEnd(9, '0').slice(0, 9);
  return (BigInt(seconds) * 1_000_000n + BigInt(frac)).toString();
}
