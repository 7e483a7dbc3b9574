import { describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { formatReference, parseReference } from './reference.js';

const digest = `sha256:${'b'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['alpine', 'docker.io/library/alpine:latest'],
    ['alpine:3.19', 'docker.io/library/alpine:3.19'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7'],
    ['index.docker.io/library/nginx', 'docker.io/library/nginx:latest'],
    ['127.0.0.1:5000/app/web:v1', '127.0.0.1:5000/app/web:v1'],
    ['localhost/app', 'localhost/app:latest'],
    ['ghcr.io/org/img@' + digest, `ghcr.io/org/img@${digest}`],
    ['ghcr.io/org/img:1.0@' + digest, `ghcr.io/org/img:1.0@${digest}`],
  ])('%s → %s', (input, expected) => {
    expect(formatReference(parseReference(input))).toBe(expected);
  });

  it.each(['', 'UPPER/case', 'a//b', 'img:bad tag', 'img@sha256:short', 'a/b:'])('rejects %j as BAD_REFERENCE', (input) => {
    let error: unknown;
    try {
      parseReference(input);
    } catch (e) {
      error = e;
    }
    expect(isRampartError(error, 'BAD_REFERENCE')).toBe(true);
  });
});
