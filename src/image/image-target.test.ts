import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatImageTarget, parseImageTarget } from './image-target.js';

const cwd = mkdtempSync(path.join(os.tmpdir(), 'rampart-target-test-'));
writeFileSync(path.join(cwd, 'img.tar'), '');
writeFileSync(path.join(cwd, 'a:b.tar'), '');
mkdirSync(path.join(cwd, 'layout'));
writeFileSync(path.join(cwd, 'layout', 'index.json'), '{}');
mkdirSync(path.join(cwd, 'rootfs'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('parseImageTarget', () => {
  it.each([
    ['docker-archive:img.tar', `docker-archive:${cwd}/img.tar`],
    ['docker-archive:img.tar:alpine:3.19', `docker-archive:${cwd}/img.tar:alpine:3.19`],
    ['docker-archive:a:b.tar', `docker-archive:${cwd}/a:b.tar`],
    ['oci-archive:img.tar:v1', `oci-archive:${cwd}/img.tar:v1`],
    ['oci-dir:layout:latest', `oci-dir:${cwd}/layout:latest`],
    ['layout', `oci-dir:${cwd}/layout`],
    ['rootfs', `dir:${cwd}/rootfs`],
    ['dir:rootfs', `dir:${cwd}/rootfs`],
    ['img.tar', `archive:${cwd}/img.tar`],
    ['registry:ghcr.io/org/app:1.0', 'registry:ghcr.io/org/app:1.0'],
    ['docker:nginx:1.25', 'docker:nginx:1.25'],
    ['nginx:1.25', 'docker-or-registry:nginx:1.25'],
  ])('%s → %s', (input, expected) => {
    expect(formatImageTarget(parseImageTarget(input, cwd))).toBe(expected);
  });

  it.each([
    ['docker-archive:missing.tar', 'FILE_NOT_FOUND'],
    ['dir:missing', 'FILE_NOT_FOUND'],
    ['./missing.tar', 'FILE_NOT_FOUND'],
    ['registry:', 'USAGE'],
  ])('%s fails with %s', (input, code) => {
    expect(() => parseImageTarget(input, cwd)).toThrow(expect.objectContaining({ code }));
  });
});
