import { describe, expect, it } from 'vitest';
import { decideTestdata } from './shared-testdata.js';

describe('decideTestdata', () => {
  it('uses the data in place when present', () => {
    const decision = decideTestdata({ RAMPART_TESTDATA: process.cwd() });
    expect(decision).toEqual({ kind: 'use', root: process.cwd() });
  });
  it('skips with a reason outside CI when absent', () => {
    const decision = decideTestdata({ RAMPART_TESTDATA: '/nonexistent/testdata' });
    expect(decision.kind).toBe('skip');
    expect(decision.kind === 'skip' && decision.reason).toContain('/nonexistent/testdata');
  });
  it('fails under CI=true when absent', () => {
    expect(decideTestdata({ RAMPART_TESTDATA: '/nonexistent/testdata', CI: 'true' }).kind).toBe('fail');
  });
});
