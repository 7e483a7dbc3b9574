import { describe, expect, it } from 'vitest';
import type { Alert } from '../../rules/index.js';
import type { EventSource, RuntimeEvent } from '../event.js';
import type { AlertSink } from './alert-sinks.js';
import { parseOutputSpec } from './alert-sinks.js';
import { RULE_EVENTS_DROPPED } from './drop-report.js';
import { runWatchLoop } from './watch-loop.js';
import { parseSourceSpec } from './watch.js';
import { loadWatchRules } from './watch-rules.js';

const shell: RuntimeEvent = { 'evt.type': 'execve', 'evt.res': 'SUCCESS', 'proc.name': 'sh', 'proc.vpid': 5, 'container.id': 'abc', 'container.name': 'c', 'proc.cmdline': 'sh -c id' };

function arraySource(events: RuntimeEvent[], afterEach?: () => Promise<void>): EventSource {
  return {
    name: 'array',
    async *events() {
      for (const e of events) {
        yield e;
        await afterEach?.();
      }
    },
  };
}

describe('watch loop', () => {
  it('evaluates the default rules: shell in container fires, container init and host do not', async () => {
    const rules = await loadWatchRules([]);
    const alerts: Alert[] = [];
    const summary = await runWatchLoop({
      source: arraySource([shell, { ...shell, 'proc.vpid': 1 }, { ...shell, 'container.id': 'host' }]),
      engine: rules.engine,
      sinks: [],
      onAlert: (a) => alerts.push(a),
    });
    expect(alerts.map((a) => a.rule)).toEqual(['Shell spawned in container']);
    expect(summary).toMatchObject({ events: 3, alerts: 1 });
    expect([...rules.eventTypes].sort()).toEqual(['capset', 'connect', 'execve', 'execveat', 'open', 'openat', 'openat2', 'setresuid', 'setuid']);
  });

  it('reports drops as an alert naming the blind rules, with counts per cause', async () => {
    const rules = await loadWatchRules([]);
    let kernel = 0;
    const written: Alert[] = [];
    const sink: AlertSink = { name: 's', write: (a) => written.push(a), close: () => Promise.resolve(), dropped: () => 2 };
    const summary = await runWatchLoop({
      source: arraySource([shell, shell], async () => {
        kernel += 7;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }),
      engine: rules.engine,
      sinks: [sink],
      sourceDrops: () => ({ kernel, queue: 1 }),
      blindRules: ['Shell spawned in container'],
      dropCheckMs: 10,
    });
    const drops = written.filter((a) => a.rule === RULE_EVENTS_DROPPED);
    expect(drops.length).toBeGreaterThan(0);
    const sum = (key: string): number => drops.reduce((n, a) => n + Number(a.outputFields[key]), 0);
    expect(sum('rampart.drops.kernel')).toBe(14);
    expect(sum('rampart.drops.queue')).toBe(1);
    expect(sum('rampart.drops.output')).toBe(2);
    expect(drops[0]?.outputFields['rampart.blind_rules']).toEqual(['Shell spawned in container']);
    expect(summary.drops).toEqual({ kernel: 14, queue: 1, output: 2 });
  });

  it('still alerts when a rule output cannot be rendered, and counts it', async () => {
    const { engine } = await loadWatchRules([]);
    const broken = { ...engine, evaluate: () => { throw new Error('render failed'); } };
    const alerts: Alert[] = [];
    const summary = await runWatchLoop({ source: arraySource([shell]), engine: broken, sinks: [], onAlert: (a) => alerts.push(a) });
    expect(alerts.map((a) => a.rule)).toEqual(['Shell spawned in container']);
    expect(alerts[0]?.output).toContain('output not rendered: render failed');
    expect(summary.renderErrors).toBe(1);
  });

  it.each([
    [undefined, { kind: 'stdout' }],
    ['json', { kind: 'json' }],
    ['file:out/alerts.jsonl', { kind: 'file', path: '/w/out/alerts.jsonl' }],
    ['alerts.jsonl', { kind: 'file', path: '/w/alerts.jsonl' }],
    ['webhook:http://127.0.0.1:8080/x', { kind: 'webhook', url: 'http://127.0.0.1:8080/x' }],
  ])('parses --output %s', (spec, expected) => {
    expect(parseOutputSpec(spec, '/w')).toEqual(expected);
  });

  it.each([['webhook:ftp://x'], ['webhook:nope'], ['file:']])('rejects --output %s as usage', (spec) => {
    expect(() => parseOutputSpec(spec, '/w')).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it.each([
    [undefined, { kind: 'bpftrace' }],
    ['replay:a.jsonl', { kind: 'replay', file: 'a.jsonl' }],
    ['tetragon:-', { kind: 'tetragon', file: '-' }],
  ])('parses --source %s', (spec, expected) => {
    expect(parseSourceSpec(spec)).toEqual(expected);
  });

  it('rejects an unknown source', () => {
    expect(() => parseSourceSpec('kafka:x')).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
