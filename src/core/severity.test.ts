import { describe, expect, it } from 'vitest';
import { atLeast, compareSeverity, parseSeverity, severities } from './severity.js';

describe('Severity', () => {
  it('orders unknown < low < medium < high < critical', () => {
    expect(severities).toEqual(['unknown', 'low', 'medium', 'high', 'critical']);
    for (let i = 1; i < severities.length; i++) {
      expect(compareSeverity(severities[i - 1]!, severities[i]!)).toBeLessThan(0);
    }
  });
  it.each([
    ['CRITICAL', 'critical'],
    [' High ', 'high'],
    ['nope', undefined],
  ])('parses %j', (input, expected) => {
    expect(parseSeverity(input)).toBe(expected);
  });
  it('compares against a threshold', () => {
    expect(atLeast('high', 'high')).toBe(true);
    expect(atLeast('medium', 'high')).toBe(false);
    expect(atLeast('critical', 'low')).toBe(true);
  });
});
