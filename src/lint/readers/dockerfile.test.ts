import { describe, expect, it } from 'vitest';
import { parseInstructions, readDockerfile } from './dockerfile.js';

describe('Dockerfile reader', () => {
  it('joins continuations, keeps RUN --mount flags and collects heredocs', () => {
    const text = [
      'FROM alpine:3.19 AS build',
      'RUN --mount=type=secret,id=npmrc --mount=type=cache,target=/root/.npm \\',
      '    npm ci && \\',
      '    npm run build',
      'RUN <<EOF',
      'apk add --no-cache curl',
      'curl -fsSL https://example.com | sh',
      'EOF',
      'FROM scratch',
      'COPY --from=build /out /',
      '',
    ].join('\n');
    const instructions = parseInstructions(text, 'Dockerfile');
    expect(instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'FROM', 'COPY']);
    expect(instructions[1]?.flags).toEqual(['--mount=type=secret,id=npmrc', '--mount=type=cache,target=/root/.npm']);
    expect(instructions[1]?.args).toBe('npm ci &&  npm run build');
    expect(instructions[2]?.heredocs).toEqual(['apk add --no-cache curl\ncurl -fsSL https://example.com | sh']);
    expect(instructions[3]?.location).toEqual({ file: 'Dockerfile', line: 9, column: 1 });
  });

  it.each([
    ['no USER', 'FROM debian:12\nRUN true\n', undefined],
    ['final-stage USER', 'FROM debian:12 AS b\nUSER app\nFROM debian:12\nUSER 1000:1000\n', '1000:1000'],
    ['builder USER does not leak', 'FROM debian:12 AS b\nUSER app\nFROM debian:12\n', undefined],
    ['USER inherited through FROM stage', 'FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n', 'app'],
  ])('final-stage user: %s', (_name, text, user) => {
    expect(readDockerfile(text, 'Dockerfile').containers[0]?.user?.value).toBe(user);
  });

  it('reads HEALTHCHECK and NONE', () => {
    expect(readDockerfile('FROM a\nHEALTHCHECK CMD true\n', 'D').containers[0]?.healthcheck?.value).toBe(true);
    expect(readDockerfile('FROM a\nHEALTHCHECK NONE\n', 'D').containers[0]?.healthcheck?.value).toBe(false);
  });

  it.each([
    ['no FROM', 'RUN true\n'],
    ['unterminated heredoc', 'FROM a\nRUN <<EOF\necho\n'],
  ])('rejects %s with a position', (_name, text) => {
    expect(() => readDockerfile(text, 'D')).toThrow(expect.objectContaining({ code: 'PARSE_ERROR', location: expect.objectContaining({ file: 'D' }) }));
  });
});
