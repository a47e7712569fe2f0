import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStackState, stackStatePath, writeStackState, type StackState } from './state-file';

describe('the state file npm start leaves for tools', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'state-file-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const state = (pid: number): StackState => ({ pid, port: 3000, startedAt: '2024-01-01T00:00:00.000Z', env: { AWS_REGION: 'us-east-1' } });

  it('is one file per gateway port under <workspace>/.data', () => {
    expect(stackStatePath(root, 3000)).toBe(join(root, '.data', 'local-stack-3000.json'));
    expect(stackStatePath(root, 3000)).not.toBe(stackStatePath(root, 3001));
  });

  it('holds the stack environment, readable by its owner only', () => {
    const path = stackStatePath(root, 3000);
    writeStackState(path, state(123));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(state(123));
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('is removed by the run that wrote it, and left alone by any other', () => {
    const path = stackStatePath(root, 3000);
    writeStackState(path, state(123));
    removeStackState(path, 456);
    expect(existsSync(path)).toBe(true);
    removeStackState(path, 123);
    expect(existsSync(path)).toBe(false);
    expect(() => removeStackState(path, 123)).not.toThrow();
  });
});
