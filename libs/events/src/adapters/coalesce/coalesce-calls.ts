/** What became of one call of a batch. */
export type CallOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Options of {@link coalesceCalls}. */
export interface CoalesceOptions<T, R> {
  /** Sends a batch (at least one item) in one request; one outcome per item, in order. A throw fails every item of the batch. */
  flush: (items: T[]) => Promise<CallOutcome<R>[]>;
  /** Most items per batch (the service's limit: 10 for `PublishBatch`, 100 for a transaction). */
  maxBatch: number;
  /** Batches of one key in flight at once; calls made meanwhile wait and go together in the next. */
  maxInFlight: number;
  /** Items of different keys never share a batch (say, the topic a `PublishBatch` is sent to); default: one key for all. */
  keyOf?: (item: T) => string;
}

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<T, R> {
  queue: Pending<T, R>[];
  inFlight: number;
  scheduled: boolean;
}

/**
 * Turns a batch request into a per-item call: calls made in the same turn of the event loop, or while
 * `maxInFlight` batches are already out, are sent together, up to `maxBatch` per request. Nothing waits
 * on a timer: a call made when the lane is idle goes out at the end of the current turn, alone if it is
 * alone. Under load, requests thus carry many items each (fewer round trips, less work per item for the
 * service and the SDK); with one caller at a time it is one request per call, as before.
 *
 * @example
 * const publish = coalesceCalls({ flush: (envelopes) => publishBatch(envelopes), maxBatch: 10, maxInFlight: 4 });
 * const messageId = await publish(envelope);
 */
export function coalesceCalls<T, R>(options: CoalesceOptions<T, R>): (item: T) => Promise<R> {
  const lanes = new Map<string, Lane<T, R>>();

  const pump = (lane: Lane<T, R>): void => {
    while (lane.inFlight < options.maxInFlight && lane.queue.length > 0) {
      const batch = lane.queue.splice(0, options.maxBatch);
      lane.inFlight++;
      void send(batch).finally(() => {
        lane.inFlight--;
        pump(lane);
      });
    }
  };

  const send = async (batch: Pending<T, R>[]): Promise<void> => {
    let outcomes: CallOutcome<R>[];
    try {
      outcomes = await options.flush(batch.map((pending) => pending.item));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) pending.reject(new Error('the batch answered fewer items than it was sent'));
      else if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      const key = options.keyOf?.(item) ?? '';
      const lane = lanes.get(key) ?? { queue: [], inFlight: 0, scheduled: false };
      lanes.set(key, lane);
      lane.queue.push({ item, resolve, reject });
      if (lane.scheduled) return;
      // End of this turn: every call the turn's other callbacks make joins the batch.
      lane.scheduled = true;
      setImmediate(() => {
        lane.scheduled = false;
        pump(lane);
      });
    });
}
