import type { CommandEntry } from './contract/catalogue';
import type { CommandEnvelope } from './contract/envelope';

/** Publishes an accepted command to its topic. */
export interface CommandPublisher {
  publish(entry: CommandEntry, envelope: CommandEnvelope): Promise<{ messageId: string }>;
}
