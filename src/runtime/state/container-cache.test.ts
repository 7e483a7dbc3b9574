import { describe, expect, it } from 'vitest';
import { containerFields, createContainerCache, splitImageReference } from './container-cache.js';
import type { DockerEngine } from './docker-engine.js';

const ID = 'a'.repeat(64);

describe('splitImageReference', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.25', { repository: 'nginx', tag: '1.25' }],
    ['127.0.0.1:5000/team/app:v1', { repository: '127.0.0.1:5000/team/app', tag: 'v1' }],
    ['127.0.0.1:5000/app', { repository: '127.0.0.1:5000/app' }],
    ['app@sha256:abc', { repository: 'app', digest: 'sha256:abc' }],
    ['app:1@sha256:abc', { repository: 'app', tag: '1', digest: 'sha256:abc' }],
  ])('%s', (ref, expected) => {
    expect(splitImageReference(ref)).toEqual(expected);
  });
});

describe('containerFields', () => {
  it('maps inspect output to container and k8s fields', () => {
    const fields = containerFields(
      {
        Id: ID,
        Name: '/web',
        Image: 'sha256:' + 'b'.repeat(64),
        State: { StartedAt: '2024-01-02T03:04:05.123456789Z' },
        Config: { Image: 'registry.local:5000/shop/web:2.1', Labels: { 'io.kubernetes.pod.name': 'web-0', 'io.kubernetes.pod.namespace': 'shop' } },
        HostConfig: { Privileged: true, NetworkMode: 'host' },
        Mounts: [{ Source: '/data', Destination: '/var/data', Mode: 'ro', RW: false, Propagation: 'rprivate' }],
      },
      { Id: 'sha256:' + 'b'.repeat(64), RepoDigests: ['registry.local:5000/shop/web@sha256:' + 'c'.repeat(64)] },
    );
    expect(fields).toMatchObject({
      'container.id': 'a'.repeat(12),
      'container.name': 'web',
      'container.image': 'registry.local:5000/shop/web:2.1',
      'container.image.id': 'b'.repeat(12),
      'container.image.repository': 'registry.local:5000/shop/web',
      'container.image.tag': '2.1',
      'container.image.digest': 'sha256:' + 'c'.repeat(64),
      'container.privileged': true,
      'container.host_network': true,
      'container.mounts': '/data:/var/data:ro:false:rprivate',
      'k8s.pod.name': 'web-0',
      'k8s.ns.name': 'shop',
      'container.start_ts': '1704164645123456789',
    });
  });
});

describe('createContainerCache', () => {
  it('asks the engine once per container and reports an unknown container as data', async () => {
    let calls = 0;
    const engine: DockerEngine = {
      inspectContainer: (id) => {
        calls += 1;
        return Promise.resolve(id === ID ? { Id: ID, Name: '/x', Config: { Image: 'x:1' } } : undefined);
      },
      inspectImage: () => Promise.resolve(undefined),
    };
    const cache = createContainerCache(engine);
    const [a, b] = await Promise.all([cache.lookup(ID), cache.lookup(ID)]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    expect(a.fields['container.name']).toBe('x');
    const gone = await cache.lookup('f'.repeat(64));
    expect(gone.unknownReason).toBe('container not found in Docker');
    expect(gone.fields['container.id']).toBe('f'.repeat(12));
  });
});
