import type { AcceptedCommand, CommandIntake, CommandType, RecordAcceptedResult } from '@inventario/inventory-core';

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

  /** Forgets a command (its acceptance was taken back: it was never published). */
  remove(command: Pick<RecentCommand, 'type' | 'ordenId'>): void {
    this.entries = this.entries.filter((entry) => entry.type !== command.type || entry.ordenId !== command.ordenId);
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
    async recordAccepted(command: AcceptedCommand): Promise<RecordAcceptedResult> {
      const result = await intake.recordAccepted(command);
      recent.add({ type: command.type, ordenId: command.ordenId, acceptedAt: command.acceptedAt });
      return result;
    },
    async withdrawAccepted(command: AcceptedCommand): Promise<void> {
      await intake.withdrawAccepted(command);
      recent.remove(command);
    },
  };
}
