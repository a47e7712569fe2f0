import type { CommandEntry } from './catalogue';
import type { CommandEnvelope } from './envelope';

/** Publishes an accepted command to its topic. */
export interface CommandPublisher {
  publish(entry: CommandEntry, envelope: CommandEnvelope): Promise<{ messageId: string }>;
}
