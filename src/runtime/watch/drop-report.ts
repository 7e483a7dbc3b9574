import type { Alert } from '../../rules/index.js';

/** Drop counters at one moment, by cause. */
export interface DropCounts {
  /** Lost in the kernel ring buffer before reaching us. */
  readonly kernel: number;
  /** Dropped by our record queue (the engine could not keep up). */
  readonly queue: number;
  /** Alerts the output could not deliver. */
  readonly output: number;
}

export const RULE_EVENTS_DROPPED = 'Rampart events dropped';
export const RULE_UNTRACEABLE = 'Rampart rules without events';

const now = (): string => (BigInt(Date.now()) * 1_000_000n).toString();

/**
 * The alert that tells which rules went blind: events were dropped between two checks, so every
 * rule that needs the traced syscalls may have missed a match in that window (drops are not
 * attributed to one syscall by the kernel).
 */
export function dropAlert(delta: DropCounts, total: DropCounts, blindRules: readonly string[], windowMs: number): Alert {
  const lost = delta.kernel + delta.queue;
  const parts = [`kernel=${delta.kernel}`, `queue=${delta.queue}`, `output=${delta.output}`];
  return {
    rule: RULE_EVENTS_DROPPED,
    priority: 'CRITICAL',
    source: 'rampart',
    tags: ['rampart', 'sensor', 'drops'],
    output:
      `${lost} events and ${delta.output} alerts dropped in the last ${Math.round(windowMs)} ms (${parts.join(' ')}; ` +
      `total kernel=${total.kernel} queue=${total.queue} output=${total.output}); rules blind meanwhile: ${blindRules.join(', ') || '(none)'}`,
    outputFields: {
      'rampart.drops.kernel': delta.kernel,
      'rampart.drops.queue': delta.queue,
      'rampart.drops.output': delta.output,
      'rampart.drops.total_kernel': total.kernel,
      'rampart.drops.total_queue': total.queue,
      'rampart.drops.total_output': total.output,
      'rampart.blind_rules': blindRules,
    },
    time: now(),
  };
}

/** Rules that can never match here: they need event types the sensor cannot trace on this kernel. */
export function untraceableAlert(eventTypes: readonly string[], blindRules: readonly string[]): Alert {
  return {
    rule: RULE_UNTRACEABLE,
    priority: 'WARNING',
    source: 'rampart',
    tags: ['rampart', 'sensor', 'coverage'],
    output: `The sensor cannot trace ${eventTypes.join(', ')} here; these rules can only partly match or not at all: ${blindRules.join(', ')}`,
    outputFields: { 'rampart.untraceable_types': eventTypes, 'rampart.blind_rules': blindRules },
    time: now(),
  };
}
