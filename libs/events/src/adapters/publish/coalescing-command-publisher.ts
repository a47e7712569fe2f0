import type { CommandEntry } from '../../contract/catalogue';
import type { CommandEnvelope } from '../../contract/envelope';
import type { CommandPublisher } from '../../ports';
import { coalesceCalls } from '../coalesce/coalesce-calls';
import { COMMANDS_PER_PUBLISH, type SnsCommandPublisher } from './sns-command-publisher';

/** `PublishBatch` calls per topic in flight at once. */
const PUBLISHES_IN_FLIGHT = 4;

/**
 * The gateway's publisher in a long-lived process: envelopes of one command published at about the same
 * time (see `coalesceCalls`) go out together in one `PublishBatch` of up to 10, each request still
 * answered with its own message id or failure. On Lambda, one request per container, it is one
 * `Publish` per command as before.
 *
 * @example
 * const publisher = coalescingCommandPublisher(new SnsCommandPublisher({ client, topicArns }));
 * const { messageId } = await publisher.publish(commandEntry('OrdenVenta'), envelope);
 */
export function coalescingCommandPublisher(publisher: Pick<SnsCommandPublisher, 'publishMany'>): CommandPublisher {
  const publish = coalesceCalls<{ entry: CommandEntry; envelope: CommandEnvelope }, { messageId: string }>({
    flush: (items) => publisher.publishMany(items[0]?.entry as CommandEntry, items.map((item) => item.envelope)),
    maxBatch: COMMANDS_PER_PUBLISH,
    maxInFlight: PUBLISHES_IN_FLIGHT,
    keyOf: (item) => item.entry.topic,
  });
  return { publish: (entry, envelope) => publish({ entry, envelope }) };
}
