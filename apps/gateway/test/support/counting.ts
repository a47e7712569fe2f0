import type { CommandEntry, CommandEnvelope, CommandPublisher } from '@inventario/events';
import type { AcceptedCommand, CommandIntake, RecordAcceptedResult } from '@inventario/inventory-core';

/** The real publisher, with every call counted: a request that changes nothing never reaches it. */
export class CountingPublisher implements CommandPublisher {
  calls = 0;
  constructor(private readonly inner: CommandPublisher) {}

  publish(entry: CommandEntry, envelope: CommandEnvelope): Promise<{ messageId: string }> {
    this.calls += 1;
    return this.inner.publish(entry, envelope);
  }
}

/** The real intake, with every call counted. */
export class CountingIntake implements CommandIntake {
  calls = 0;
  constructor(private readonly inner: CommandIntake) {}

  recordAccepted(command: AcceptedCommand): Promise<RecordAcceptedResult> {
    this.calls += 1;
    return this.inner.recordAccepted(command);
  }

  withdrawAccepted(command: AcceptedCommand): Promise<void> {
    this.calls += 1;
    return this.inner.withdrawAccepted(command);
  }
}
