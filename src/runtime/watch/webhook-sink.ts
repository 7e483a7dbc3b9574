import { formatAlertJson } from '../../rules/index.js';
import type { Alert } from '../../rules/index.js';
import type { AlertSink } from './alert-sinks.js';

export interface WebhookOptions {
  readonly url: string;
  readonly hostname: string;
  /** Alerts waiting for delivery before new ones are dropped (and counted). Default 1000. */
  readonly queueLimit?: number;
  /** Attempts per alert (first try + retries). Default 4. */
  readonly attempts?: number;
  /** First retry delay; doubles each retry. Default 200 ms. */
  readonly backoffMs?: number;
  readonly fetch?: typeof fetch;
}

/**
 * POSTs each alert as Falco JSON to the URL, one at a time in order, retrying failures (network
 * errors, 5xx, 429) with exponential backoff. The queue is bounded: when the receiver is down long
 * enough to fill it, new alerts are dropped and counted (reported by the watch loop).
 */
export function createWebhookSink(options: WebhookOptions): AlertSink & { readonly delivered: () => number } {
  const queue: Alert[] = [];
  const limit = options.queueLimit ?? 1000;
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 200;
  const post = options.fetch ?? fetch;
  let dropped = 0;
  let delivered = 0;
  let running: Promise<void> | undefined;

  const send = async (alert: Alert): Promise<boolean> => {
    const body = JSON.stringify(formatAlertJson(alert, options.hostname));
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, backoff * 2 ** (attempt - 1)));
      try {
        const response = await post(options.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5000) });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return true;
        if (response.status < 500 && response.status !== 429) return false; // the receiver rejects it: retrying will not help
      } catch {
        // network error or timeout: retry
      }
    }
    return false;
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const alert = queue.shift() as Alert;
      if (await send(alert)) delivered += 1;
      else dropped += 1;
    }
    running = undefined;
  };

  return {
    name: `webhook:${options.url}`,
    write(alert) {
      if (queue.length >= limit) {
        dropped += 1;
        return;
      }
      queue.push(alert);
      running ??= drain();
    },
    async close() {
      while (running !== undefined) await running;
    },
    dropped: () => dropped,
    delivered: () => delivered,
  };
}
