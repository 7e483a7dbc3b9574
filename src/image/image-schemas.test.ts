import { describe, expect, it } from 'vitest';
import type { RampartError } from '../core/index.js';
import { dockerManifestSchema, manifestSchema, parseDocument, parseImageConfig } from './image-schemas.js';

const digest = `sha256:${'a'.repeat(64)}`;
const descriptor = { mediaType: 'application/vnd.oci.image.config.v1+json', digest, size: 2 };
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const location = { file: 'img.tar', path: 'manifest.json' };

function refusal(run: () => unknown): RampartError {
  try {
    run();
  } catch (error) {
    return error as RampartError;
  }
  throw new Error('expected a refusal');
}

describe('parseDocument', () => {
  it.each([
    ['a bad digest', { config: { ...descriptor, digest: 'sha256:xyz' }, layers: [] }, 'image manifest is invalid at config.digest: a sha256 digest'],
    ['a negative size', { config: { ...descriptor, size: -1 }, layers: [] }, 'image manifest is invalid at config.size: Too small: expected number to be >=0'],
    ['a fractional size', { config: { ...descriptor, size: 1.5 }, layers: [] }, 'image manifest is invalid at config.size: Invalid input: expected int, received number'],
    ['no layers', { config: descriptor }, 'image manifest is invalid at layers: Invalid input: expected array, received undefined'],
    ['a string', 'manifest', 'image manifest is invalid: Invalid input: expected object, received string'],
  ])('refuses a manifest with %s as BAD_ARCHIVE with zod English message', (_label, value, message) => {
    const error = refusal(() => parseDocument(json(value), manifestSchema, 'image manifest', location));
    expect(error).toMatchObject({ code: 'BAD_ARCHIVE', message, location });
  });

  it.each([
    ['no images', [], 'manifest.json is invalid: no images'],
    ['an empty Config', [{ Config: '', Layers: [] }], 'manifest.json is invalid at 0.Config: Too small: expected string to have >=1 characters'],
  ])('refuses a docker manifest with %s', (_label, value, message) => {
    expect(refusal(() => parseDocument(json(value), dockerManifestSchema, 'manifest.json', location))).toMatchObject({ code: 'BAD_ARCHIVE', message });
  });

  it('names the first five issues in the detail', () => {
    const error = refusal(() => parseDocument(json({ config: {}, layers: 1 }), manifestSchema, 'image manifest', location));
    expect(error.detail).toEqual({
      issues: [
        { path: 'config.digest', message: 'Invalid input: expected string, received undefined' },
        { path: 'config.size', message: 'Invalid input: expected number, received undefined' },
        { path: 'layers', message: 'Invalid input: expected array, received number' },
      ],
    });
  });

  it('refuses bytes that are not JSON', () => {
    expect(refusal(() => parseDocument(Buffer.from('{'), manifestSchema, 'image manifest', location))).toMatchObject({ code: 'BAD_ARCHIVE', message: expect.stringMatching(/^image manifest is not valid JSON: /) as string });
  });
});

describe('parseImageConfig', () => {
  it('drops nulls except Entrypoint/Cmd/Labels', () => {
    const config = { os: 'linux', config: { Env: null, Cmd: null, Labels: null, User: 'app' }, history: null, rootfs: { type: 'layers', diff_ids: [digest] } };
    expect(parseImageConfig(json(config), location)).toEqual({ os: 'linux', config: { Cmd: null, Labels: null, User: 'app' }, rootfs: { type: 'layers', diff_ids: [digest] } });
  });

  it('refuses a config without rootfs', () => {
    expect(refusal(() => parseImageConfig(json({ os: 'linux' }), location))).toMatchObject({
      code: 'BAD_ARCHIVE',
      message: 'image config is invalid at rootfs: Invalid input: expected object, received undefined',
    });
  });
});
