import type { Alert, RuleEngine } from '../../rules/index.js';
import type { EventSource, RuntimeEvent } from '../event.js';
import type { AlertSink } from './alert-sinks.js';
import type { DropCounts } from './drop-report.js';
import { dropAlert } from './drop-report.js';

export interface WatchLoopOptions {
  readonly source: EventSource;
  readonly engine: RuleEngine;
  readonly sinks: readonly AlertSink[];
  /** Called with every event (the `--record` writer). */
  readonly record?: (event: RuntimeEvent) => void;
  /** Current drop counters of the source (sensor) side. */
  readonly sourceDrops?: () => { kernel: number; queue: number };
  /** Rules blind when events are dropped. */
  readonly blindRules?: readonly string[];
  /** How often drops are checked and reported. Default 1000 ms. */
  readonly dropCheckMs?: number;
  readonly signal?: AbortSignal;
  /** Called with every alert too (tests, the server). */
  readonly onAlert?: (alert: Alert) => void;
}

export interface WatchSummary {
  events: number;
  alerts: number;
  drops: DropCounts;
  /** Alerts per rule name. */
  byRule: Record<string, number>;
  /** Events whose alert output could not be rendered (the alert is still emitted, unrendered). */
  renderErrors: number;
}

/**
 * Alerts for one event. When rendering a matched rule's output throws (an engine defect for some
 * field types), the detection is not lost: the rule still alerts, with its output marked
 * unrendered, and the count reaches the summary.
 */
function evaluate(engine: RuleEngine, event: RuntimeEvent, summary: WatchSummary): Alert[] {
  try {
    return engine.evaluate(event);
  } catch (error) {
    summary.renderErrors += 1;
    const reason = error instanceof Error ? error.message : String(error);
    const time = typeof event['evt.time'] === 'string' ? event['evt.time'] : undefined;
    return engine.match(event).map((rule) => ({
      rule: rule.name,
      priority: rule.priority,
      source: rule.source,
      tags: rule.tags,
      output: `${rule.name} (output not rendered: ${reason})`,
      outputFields: { 'evt.type': event['evt.type'] ?? null, 'container.id': event['container.id'] ?? null, 'container.name': event['container.name'] ?? null, 'proc.cmdline': event['proc.cmdline'] ?? null },
      time,
    }));
  }
}

/** Events → rules engine → alerts to every sink; drops checked on a timer and reported as alerts. */
export async function runWatchLoop(options: WatchLoopOptions): Promise<WatchSummary> {
  const summary: WatchSummary = { events: 0, alerts: 0, drops: { kernel: 0, queue: 0, output: 0 }, byRule: {}, renderErrors: 0 };
  const emit = (alert: Alert): void => {
    summary.alerts += 1;
    summary.byRule[alert.rule] = (summary.byRule[alert.rule] ?? 0) + 1;
    options.onAlert?.(alert);
    for (const sink of options.sinks) sink.write(alert);
  };
  let reported: DropCounts = { kernel: 0, queue: 0, output: 0 };
  let lastCheck = Date.now();
  const current = (): DropCounts => {
    const source = options.sourceDrops?.() ?? { kernel: 0, queue: 0 };
    return { kernel: source.kernel, queue: source.queue, output: options.sinks.reduce((n, s) => n + s.dropped(), 0) };
  };
  const checkDrops = (): void => {
    const total = current();
    const delta = { kernel: total.kernel - reported.kernel, queue: total.queue - reported.queue, output: total.output - reported.output };
    const at = Date.now();
    if (delta.kernel + delta.queue + delta.output > 0) {
      emit(dropAlert(delta, total, delta.kernel + delta.queue > 0 ? (options.blindRules ?? []) : [], at - lastCheck));
      reported = total;
    }
    lastCheck = at;
  };
  const timer = setInterval(checkDrops, options.dropCheckMs ?? 1000);
  try {
    for await (const event of options.source.events(options.signal)) {
      summary.events += 1;
      options.record?.(event);
      for (const alert of evaluate(options.engine, event, summary)) emit(alert);
    }
  } finally {
    clearInterval(timer);
    checkDrops();
    await Promise.all(options.sinks.map((s) => s.close()));
    checkDrops();
    summary.drops = current();
  }
  return summary;
}
