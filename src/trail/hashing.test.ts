import { describe, expect, it } from 'vitest';
import { hashLeaf, hashLeafText } from './hashing.js';

describe('hashLeafText', () => {
  it.each([[''], ['{"a":1}'], ['grüße – 日本語 🐳'], ['x'.repeat(5000)]])('equals hashLeaf of the UTF-8 bytes of %j', (text) => {
    expect(hashLeafText(text).equals(hashLeaf(Buffer.from(text, 'utf8')))).toBe(true);
  });
});
