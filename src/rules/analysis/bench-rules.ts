import type { EventRecord } from '../compile/event-record.js';
import type { RuleEngine } from '../rule-engine.js';

export interface BenchResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly alerts: number;
}

/** Replays `events` through the engine until at least `minSeconds` elapsed (matching only, no rendering). */
export function benchRules(engine: RuleEngine, events: readonly EventRecord[], minSeconds = 2): BenchResult {
  if (events.length === 0) return { events: 0, seconds: 0, eventsPerSecond: 0, alerts: 0 };
  let n = 0;
  let alerts = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    for (const e of events) alerts += engine.match(e).length;
    n += events.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { events: n, seconds: elapsed, eventsPerSecond: n / elapsed, alerts };
}
