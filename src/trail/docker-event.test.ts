import { describe, expect, it } from 'vitest';
import { dockerEventToEntry, isoFromNanos, sinceParameter } from './docker-event.js';

const line = (type: string, action: string, attrs: Record<string, string> = {}, id = 'abc123'): string =>
  `{"status":"${action}","id":"${id}","Type":"${type}","Action":"${action}","Actor":{"ID":"${id}","Attributes":${JSON.stringify(attrs)}},"scope":"local","time":1795905023,"timeNano":1795905023359196540}`;

describe('docker events → trail entries', () => {
  it.each([
    [line('container', 'start', { name: 'web', image: 'nginx' }), { kind: 'container', action: 'start', container: { id: 'abc123', name: 'web', image: 'nginx' } }],
    [line('container', 'exec_start: /bin/sh -c id', { name: 'web', execID: 'e1' }), { kind: 'exec', action: 'exec_start', exec: { id: 'e1', command: '/bin/sh -c id' } }],
    [line('container', 'exec_die', { name: 'web', execID: 'e1', exitCode: '0' }), { kind: 'exec', action: 'exec_die', exec: { exitCode: '0' } }],
    [line('container', 'health_status: healthy'), { kind: 'container', action: 'health_status' }],
    [line('image', 'pull', { name: '127.0.0.1:5000/x:1' }, '127.0.0.1:5000/x:1'), { kind: 'image', action: 'pull', image: { ref: '127.0.0.1:5000/x:1' } }],
    [line('image', 'delete', {}, 'sha256:aa'), { kind: 'image', action: 'delete', image: { ref: 'sha256:aa', id: 'sha256:aa' } }],
    [line('network', 'connect', { name: 'bridge' }, 'n1'), { kind: 'engine', type: 'network', action: 'connect', actorId: 'n1' }],
  ])('maps %s', (raw, want) => {
    const entry = dockerEventToEntry(raw);
    expect(entry).toMatchObject({ ...want, timeNano: '1795905023359196540', raw, source: 'docker' });
  });

  it('keeps timeNano exactly (beyond 2^53) and derives an RFC 3339 time with nanoseconds', () => {
    const entry = dockerEventToEntry(line('container', 'die'));
    expect(typeof entry !== 'string' && entry.timeNano).toBe('1795905023359196540');
    expect(isoFromNanos('1795905023359196540')).toBe('2026-11-28T22:30:23.359196540Z');
    expect(sinceParameter('1795905023359196540', 1_000_000_000n)).toBe('1795905022.359196540');
  });

  it.each([['not json', '{'], ['no type', '{"Action":"x"}'], ['no time', '{"Type":"container","Action":"start"}']])('rejects %s', (_l, raw) => {
    expect(typeof dockerEventToEntry(raw)).toBe('string');
  });
});

// A refusal's text carries zod's first issue message: it must read exactly so.
it.each([
  ['{}', 'not a Docker event: Invalid input: expected string, received undefined'],
  ['{"Type":"","Action":"x","time":1}', 'not a Docker event: Too small: expected string to have >=1 characters'],
  ['{"Type":"x","Action":"y","time":"5"}', 'not a Docker event: Invalid input: expected number, received string'],
  ['{"Type":"container","Action":"start","Actor":null,"time":1}', 'not a Docker event: Invalid input: expected object, received null'],
  ['[]', 'not a Docker event: Invalid input: expected object, received array'],
])('says why %s is not a Docker event', (raw, reason) => {
  expect(dockerEventToEntry(raw)).toBe(reason);
});
