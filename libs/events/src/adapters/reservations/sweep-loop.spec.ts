import { startSweepLoop } from './sweep-loop';

/** A promise the test settles when it chooses. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve = () => undefined as void;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('the sweep loop', () => {
  it('sweeps at once, and on stop waits for the sweep in flight, then sweeps no more', async () => {
    const inFlight = deferred();
    let sweeps = 0;
    const loop = startSweepLoop(
      () => {
        sweeps += 1;
        return inFlight.promise;
      },
      1,
      () => undefined,
    );
    expect(sweeps).toBe(1);

    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    // Every pending callback runs first: only the sweep in flight can hold the stop back.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);

    inFlight.resolve();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sweeps).toBe(1);
  });

  it('reports a failed sweep and sweeps again', async () => {
    const errors: unknown[] = [];
    const second = deferred();
    let sweeps = 0;
    const loop = startSweepLoop(
      () => {
        sweeps += 1;
        if (sweeps === 1) return Promise.reject(new Error('store down'));
        second.resolve();
        return Promise.resolve();
      },
      1,
      (error) => errors.push(error),
    );
    await second.promise;
    await loop.stop();
    expect(errors).toEqual([new Error('store down')]);
    expect(sweeps).toBeGreaterThanOrEqual(2);
  });
});
