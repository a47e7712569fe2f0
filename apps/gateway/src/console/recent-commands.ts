import type { AcceptedCommand, CommandIntake, CommandType } from '@inventario/inventory-core';

/** A command this gateway process accepted. */
export interface RecentCommand {
  type: CommandType;
  ordenId: string;
  acceptedAt: Date;
}

/**
 * The last commands this gateway process accepted, newest first, for the console's live list. Kept in
 * memory: a process (or a Lambda container) knows only its own, and forgets them when it stops; the
 * outcomes themselves are always read from the store.
 */
export class RecentCommands {
  private entries: RecentCommand[] = [];

  constructor(private readonly capacity = 50) {}

  /** Remembers a command; a retry of one already remembered moves it to the front. */
  add(command: RecentCommand): void {
    const others = this.entries.filter((entry) => entry.type !== command.type || entry.ordenId !== command.ordenId);
    this.entries = [command, ...others].slice(0, this.capacity);
  }

  /** Newest first. */
  list(): readonly RecentCommand[] {
    return this.entries;
  }
}

/**
 * The intake, remembering in `recent` each command it records: every route's command, whoever sent it,
 * passes through it once accepted.
 */
export function rememberingIntake(intake: CommandIntake, recent: RecentCommands): CommandIntake {
  return {
    async recordAccepted(command: AcceptedCommand): Promise<void> {
      await intake.recordAccepted(command);
      recent.add({ type: command.type, ordenId: command.ordenId, acceptedAt: command.acceptedAt });
    },
  };
}
