import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAwsTarget } from './aws-target';
import { defaultStatePath, readLocalState } from './local-state';

const resources = (url: string) => JSON.stringify({ topics: {}, queues: { 'orden-compra': url } });

describe('where the CLI finds the queues', () => {
  let root: string;
  const alive = () => true;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'inv-config-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function writeState(port: number, pid: number, env: Record<string, string>): void {
    const path = defaultStatePath(root, port);
    mkdirSync(join(root, '.data'), { recursive: true });
    writeFileSync(path, JSON.stringify({ pid, port, startedAt: '', env }));
  }
  const context = (port = 3000, isAlive = alive) => ({ workspaceRoot: root, gatewayPort: port, readState: (path: string) => readLocalState(path, isAlive) });
  const stateEnv = {
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:4001',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    INVENTARIO_RESOURCES: resources('http://127.0.0.1:4001/000000000000/orden-compra'),
  };

  it('takes the running npm start of the gateway port from its state file', () => {
    writeState(3000, 1, stateEnv);
    const target = resolveAwsTarget({}, {}, context());
    expect(target).toMatchObject({
      sqsEndpoint: 'http://127.0.0.1:4001',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      queueUrls: { 'orden-compra': 'http://127.0.0.1:4001/000000000000/orden-compra' },
      namePrefix: '',
    });
    expect(target.source).toContain('local-stack-3000.json');
  });

  it('prefers the environment to the state file, and flags to both', () => {
    writeState(3000, 1, stateEnv);
    const env = { AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:5001', INVENTARIO_RESOURCES: resources('http://127.0.0.1:5001/0/orden-compra') };
    expect(resolveAwsTarget({}, env, context())).toMatchObject({ sqsEndpoint: 'http://127.0.0.1:5001', queueUrls: { 'orden-compra': 'http://127.0.0.1:5001/0/orden-compra' } });
    expect(resolveAwsTarget({ sqsEndpoint: 'http://127.0.0.1:6001', region: 'eu-west-1' }, env, context())).toMatchObject({ sqsEndpoint: 'http://127.0.0.1:6001', region: 'eu-west-1' });
  });

  it('ignores a state file left by a run that has ended, and says so when nothing else is found', () => {
    writeState(3000, 1, stateEnv);
    expect(() => resolveAwsTarget({}, {}, context(3000, () => false))).toThrow(/left by a run that has ended/);
    expect(() => resolveAwsTarget({}, {}, context(3001))).toThrow(/no .*local-stack-3001\.json \(is `npm start` running\?\)/);
  });

  it('with --stage goes to AWS, queue names derived from the catalogue, and never reads the state file', () => {
    writeState(3000, 1, stateEnv);
    expect(resolveAwsTarget({ stage: 'prod' }, { AWS_REGION: 'eu-west-1' }, context())).toEqual({
      region: 'eu-west-1',
      sqsEndpoint: undefined,
      credentials: undefined,
      queueUrls: {},
      namePrefix: 'inventario-prod-',
      source: 'AWS, stage prod',
    });
  });
});
