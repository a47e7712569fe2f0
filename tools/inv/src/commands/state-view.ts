import type { CommandEntry } from '@inventario/events';
import { EXIT } from '../errors';
import type { CommandOutcome, StateRead } from '../http/outcome';
import type { ReservationRead } from '../http/reservation-read';
import { outcomeText } from './outcome-view';
import { reservationText } from './reservation-view';

/** What a command's `estado_url` answers, for people: CrearReserva's is the reservation, any other its outcome. */
export function stateText(entry: CommandEntry, read: StateRead): string {
  return entry.type === 'CrearReserva' ? reservationText(read as ReservationRead) : outcomeText(read as CommandOutcome);
}

/** 0 applied (or a hold made, whatever became of it since), 3 rejected. */
export function exitOf(read: StateRead): number {
  return read.estado === 'RECHAZADA' ? EXIT.rejected : EXIT.ok;
}
