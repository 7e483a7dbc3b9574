import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerConfigCredentials } from './docker-credentials.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-docker-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DOCKER_CONFIG: dir };
const write = (value: unknown): void => writeFileSync(path.join(dir, 'config.json'), JSON.stringify(value));

describe('dockerConfigCredentials', () => {
  it.each([
    ['an inline auth for Docker Hub', { auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('ann:s3:cret').toString('base64') } } }, 'docker.io', { username: 'ann', password: 's3:cret' }],
    ['username and password', { auths: { '127.0.0.1:5000': { username: 'bob', password: 'pw' } } }, '127.0.0.1:5000', { username: 'bob', password: 'pw' }],
    ['another registry only', { auths: { 'ghcr.io': { username: 'bob', password: 'pw' } } }, 'docker.io', undefined],
    ['no auths', {}, 'docker.io', undefined],
  ])('reads %s', (_label, config, registry, expected) => {
    write(config);
    expect(dockerConfigCredentials(registry, env)).toEqual(expected);
  });

  it('refuses a config whose auths are not strings as BAD_CONFIG, with zod English message', () => {
    write({ auths: { 'ghcr.io': { username: 7 } } });
    expect(() => dockerConfigCredentials('ghcr.io', env)).toThrow(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        message: expect.stringContaining('is not a valid Docker config: [\n  {\n    "expected": "string",\n    "code": "invalid_type",\n    "path": [\n      "auths",\n      "ghcr.io",\n      "username"\n    ],\n    "message": "Invalid input: expected string, received number"\n  }\n]') as string,
      }) as Error,
    );
  });
});
