import { resolve } from 'node:path';
import { checkWorkspace } from '../src';

const WORKSPACE = resolve(__dirname, '../../..');

describe('this repository', () => {
  it('keeps every module boundary, with every dependency declared in the Nx graph', async () => {
    const { references, violations } = await checkWorkspace(WORKSPACE);
    expect(violations.map(({ reference, message }) => `${reference.file}: ${message}`)).toEqual([]);
    // The check saw the workspace: the apps' use of libs, and the Jest setup every store test shares.
    expect(references).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'gateway', to: 'events', kind: 'entry' }),
        expect.objectContaining({ from: 'inventory-core', to: 'local-stack', kind: 'entry', inTest: true }),
        expect.objectContaining({ from: 'events', to: 'local-stack', kind: 'config' }),
      ]),
    );
  });
});
