import { coalesceCalls, type CallOutcome } from './coalesce-calls';

/** A batch service whose requests the test answers by hand. */
function manualService<T>() {
  const requests: { items: T[]; answer: (outcomes: CallOutcome<string>[]) => void; fail: (error: Error) => void }[] = [];
  const flush = (items: T[]) =>
    new Promise<CallOutcome<string>[]>((answer, fail) => {
      requests.push({ items, answer, fail });
    });
  return { requests, flush };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesceCalls', () => {
  it('sends the calls of one turn together, and those made while the lanes are busy in the next batch', async () => {
    const service = manualService<number>();
    const call = coalesceCalls({ flush: service.flush, maxBatch: 10, maxInFlight: 1 });

    const first = [1, 2, 3].map((n) => call(n));
    await turn();
    const later = [4, 5].map((n) => call(n));
    await turn();
    expect(service.requests.map((request) => request.items)).toEqual([[1, 2, 3]]);

    service.requests[0]?.answer([1, 2, 3].map((n) => ({ ok: true, value: `r${n}` })));
    expect(await Promise.all(first)).toEqual(['r1', 'r2', 'r3']);
    await turn();
    expect(service.requests.map((request) => request.items)).toEqual([[1, 2, 3], [4, 5]]);
    service.requests[1]?.answer([4, 5].map((n) => ({ ok: true, value: `r${n}` })));
    expect(await Promise.all(later)).toEqual(['r4', 'r5']);
  });

  it('never puts more than maxBatch items in a request, and keeps up to maxInFlight requests out', async () => {
    const service = manualService<number>();
    const call = coalesceCalls({ flush: service.flush, maxBatch: 2, maxInFlight: 2 });

    const calls = [1, 2, 3, 4, 5].map((n) => call(n));
    await turn();
    expect(service.requests.map((request) => request.items)).toEqual([[1, 2], [3, 4]]);
    service.requests[0]?.answer([{ ok: true, value: 'a' }, { ok: true, value: 'b' }]);
    await turn();
    expect(service.requests.map((request) => request.items)).toEqual([[1, 2], [3, 4], [5]]);
    service.requests[1]?.answer([{ ok: true, value: 'c' }, { ok: true, value: 'd' }]);
    service.requests[2]?.answer([{ ok: true, value: 'e' }]);
    expect(await Promise.all(calls)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fails only the calls whose items failed, or every call of a request that threw', async () => {
    const service = manualService<number>();
    const call = coalesceCalls({ flush: service.flush, maxBatch: 10, maxInFlight: 1 });

    const mixed = [call(1), call(2)];
    await turn();
    service.requests[0]?.answer([{ ok: true, value: 'ok' }, { ok: false, error: new Error('item 2 refused') }]);
    await expect(mixed[0]).resolves.toBe('ok');
    await expect(mixed[1]).rejects.toThrow('item 2 refused');

    const thrown = [call(3), call(4)];
    await turn();
    service.requests[1]?.fail(new Error('service down'));
    await expect(Promise.all(thrown.map((promise) => promise.catch((error: Error) => error.message)))).resolves.toEqual(['service down', 'service down']);
  });

  it('keeps the items of different keys in different requests', async () => {
    const service = manualService<string>();
    const call = coalesceCalls({ flush: service.flush, maxBatch: 10, maxInFlight: 1, keyOf: (item) => item.split(':')[0] ?? '' });

    const calls = ['a:1', 'b:1', 'a:2'].map((item) => call(item));
    await turn();
    expect(service.requests.map((request) => request.items).sort()).toEqual([['a:1', 'a:2'], ['b:1']]);
    for (const request of service.requests) request.answer(request.items.map((item) => ({ ok: true, value: item.toUpperCase() })));
    expect(await Promise.all(calls)).toEqual(['A:1', 'B:1', 'A:2']);
  });
});
