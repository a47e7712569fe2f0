import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { turnBatchedWriter } from './turn-batched-writer';

function sink(): { write: (text: string) => void; writes: string[] } {
  const writes: string[] = [];
  return { write: (text) => void writes.push(text), writes };
}

describe('turnBatchedWriter', () => {
  it('writes the lines of one turn once, in order, when the turn ends', async () => {
    const out = sink();
    const write = turnBatchedWriter(out, new EventEmitter());

    write('first');
    write('second');
    write('third');
    expect(out.writes).toEqual([]);
    await nextTurn();

    expect(out.writes).toEqual(['first\nsecond\nthird\n']);
  });

  it('writes each later turn on its own', async () => {
    const out = sink();
    const write = turnBatchedWriter(out, new EventEmitter());

    write('a');
    await nextTurn();
    write('b');
    await nextTurn();

    expect(out.writes).toEqual(['a\n', 'b\n']);
  });

  it('writes what is left when the process exits, before the turn ends', () => {
    const out = sink();
    const exit = new EventEmitter();
    const write = turnBatchedWriter(out, exit);

    write('last words');
    exit.emit('exit');

    expect(out.writes).toEqual(['last words\n']);
  });
});
