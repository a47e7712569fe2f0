import { peekMessages } from '@inventario/dead-letters';
import { findService } from '../replay/find-service';
import { EXIT } from '../errors';
import { renderTable } from '../output/table';
import type { CommandContext } from './context';
import { DEAD_MESSAGE_HEAD, deadMessageJson, deadMessageRow } from './dead-message-view';

/** `replay peek <service>`: the dead messages decoded, none removed. */
export async function replayPeek(context: CommandContext, service: string, options: { max: number }): Promise<number> {
  const entry = findService(service);
  const { sqs, locator } = context.aws();
  const messages = await peekMessages(sqs, await locator.url(entry.deadLetterQueue), { max: options.max, keyRing: context.gateway().keyRing });
  context.print({ service: entry.app, queue: entry.deadLetterQueue, messages: messages.map(deadMessageJson) }, () =>
    messages.length === 0
      ? `${entry.deadLetterQueue} is empty\n`
      : `${renderTable(DEAD_MESSAGE_HEAD, messages.map(deadMessageRow))}${messages.length} message(s) in ${entry.deadLetterQueue}; none removed\n`,
  );
  return EXIT.ok;
}
