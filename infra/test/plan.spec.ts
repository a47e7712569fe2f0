import { COMMANDS, MAX_RECEIVE_COUNT, OUTCOME_TOPIC } from '@inventario/events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planInfrastructure, POWERTOOLS_VERSION, queuePolicyDocument, SERVICES, VISIBILITY_TIMEOUT_FACTOR } from '../src';

const plan = planInfrastructure('production');

describe('the infrastructure plan, derived from the catalogue', () => {
  it('has one consumer per command, each with its topic, queue, dead-letter queue and route', () => {
    expect(plan.consumers.map((consumer) => consumer.commandType)).toEqual(COMMANDS.map((entry) => entry.type));
    for (const entry of COMMANDS) {
      const consumer = plan.consumers.find((candidate) => candidate.commandType === entry.type)!;
      expect(consumer.service).toBe(entry.app);
      expect(consumer.topic).toBe(entry.topic);
      expect(consumer.queue.queue).toBe(entry.queue);
      expect(consumer.deadLetterQueue.queue).toBe(entry.deadLetterQueue);
      expect(consumer.maxReceiveCount).toBe(MAX_RECEIVE_COUNT);
      expect(plan.gateway.routes).toContainEqual({ method: 'POST', path: entry.route, commandType: entry.type });
    }
  });

  it('gives every queue a visibility timeout of at least six times its function timeout', () => {
    for (const consumer of plan.consumers) {
      expect(consumer.queue.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(VISIBILITY_TIMEOUT_FACTOR * consumer.subscriber.function.timeoutSeconds);
    }
  });

  it('takes the Powertools layer of the version the bundles were built and tested against', () => {
    const installed = (name: string) =>
      (JSON.parse(readFileSync(path.resolve(__dirname, '../../node_modules/@aws-lambda-powertools', name, 'package.json'), 'utf8')) as { version: string }).version;
    for (const name of ['logger', 'metrics', 'tracer']) expect(installed(name)).toBe(POWERTOOLS_VERSION);
  });

  it('names every resource under the stage, so stages never share one', () => {
    const staging = planInfrastructure('staging');
    const names = (p: typeof plan) => [...p.platform.tables.map((t) => t.name), ...p.platform.topics.map((t) => t.name), ...p.consumers.map((c) => c.queue.name)];
    expect(names(plan).every((name) => name.startsWith('inventario-production-'))).toBe(true);
    expect(names(staging).every((name) => name.startsWith('inventario-staging-'))).toBe(true);
  });

  it('has the command topics and the outcome topic on the platform, and a deployable app per service', () => {
    expect(plan.platform.topics.map((topic) => topic.topic)).toEqual([...COMMANDS.map((entry) => entry.topic), OUTCOME_TOPIC]);
    expect(SERVICES).toEqual(['platform', 'consultar-inventario', ...COMMANDS.map((entry) => entry.app), 'gateway']);
  });

  it('admits to a queue only messages its own topic sends', () => {
    const statement = queuePolicyDocument('arn:queue', 'arn:topic').Statement;
    expect(statement).toEqual([
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: 'arn:queue', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:topic' } } }),
    ]);
  });
});
