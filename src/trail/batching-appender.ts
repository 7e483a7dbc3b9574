import type { TrailEntry } from './entry-schemas.js';
import type { AppendOutcome, TrailLog } from './trail-log.js';

/**
 * Groups entries from many producers into few durable appends. Memory is bounded: `offer` refuses
 * (returns undefined) when `capacity` entries are already waiting, so producers push back (the
 * webhook answers 429) instead of the queue growing. Each accepted offer resolves once its entries
 * are committed.
 */
export interface BatchingAppender {
  offer(entries: readonly TrailEntry[], cursors?: Readonly<Record<string, string>>): Promise<AppendOutcome> | undefined;
  readonly pending: number;
  /** Waits until everything offered so far is committed. */
  drain(): Promise<void>;
}

interface Waiting {
  entries: readonly TrailEntry[];
  resolve: (o: AppendOutcome) => void;
  reject: (e: unknown) => void;
}

export function createBatchingAppender(log: TrailLog, options: { capacity?: number; maxBatch?: number } = {}): BatchingAppender {
  const capacity = options.capacity ?? 10_000;
  const maxBatch = options.maxBatch ?? 2_000;
  const waiting: Waiting[] = [];
  let pending = 0;
  let cursors: Record<string, string> = {};
  let running: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    while (waiting.length > 0) {
      const take: Waiting[] = [];
      let n = 0;
      while (waiting.length > 0 && (take.length === 0 || n + (waiting[0] as Waiting).entries.length <= maxBatch)) {
        const w = waiting.shift() as Waiting;
        take.push(w);
        n += w.entries.length;
      }
      const batchCursors = waiting.length === 0 ? cursors : undefined;
      if (batchCursors !== undefined) cursors = {};
      try {
        const out = await log.append(take.flatMap((w) => w.entries), batchCursors);
        for (const w of take) w.resolve(out);
      } catch (error) {
        for (const w of take) w.reject(error);
      } finally {
        pending -= n;
      }
    }
  };
  const kick = (): void => {
    if (running !== undefined) return;
    running = (async () => {
      // Let producers that are ready in the same tick join the batch.
      await new Promise((r) => setImmediate(r));
      await flush();
    })().finally(() => {
      running = undefined;
      if (waiting.length > 0) kick();
    });
  };

  return {
    get pending() {
      return pending;
    },
    offer(entries, newCursors) {
      if (pending + entries.length > capacity && pending > 0) return undefined;
      pending += entries.length;
      if (newCursors !== undefined) cursors = { ...cursors, ...newCursors };
      const p = new Promise<AppendOutcome>((resolve, reject) => {
        waiting.push({ entries, resolve, reject });
      });
      kick();
      return p;
    },
    async drain() {
      while (running !== undefined || waiting.length > 0) {
        if (running === undefined) kick();
        await running;
      }
    },
  };
}
