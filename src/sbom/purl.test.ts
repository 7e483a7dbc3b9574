import { describe, expect, it } from 'vitest';
import { parsePurl } from './purl.js';

describe('parsePurl', () => {
  it.each([
    ['pkg:npm/%40babel/core@7.0.0', { type: 'npm', name: '@babel/core', version: '7.0.0' }],
    ['pkg:maven/org.apache/commons-text@1.9', { type: 'maven', name: 'org.apache:commons-text', version: '1.9' }],
    ['pkg:deb/ubuntu/openssl@1.1.1f-1ubuntu2?distro=focal&epoch=1', { type: 'deb', name: 'openssl', version: '1:1.1.1f-1ubuntu2', distro: 'focal', epoch: 1 }],
  ])('%s', (text, want) => {
    expect(parsePurl(text)).toEqual({ ok: true, purl: want });
  });

  it.each(['pkg:apk/alpine/@1.36.1-r27', 'not a purl', 'pkg:cobol/x@1'])('refuses %s', (text) => {
    expect(parsePurl(text).ok).toBe(false);
  });
});
