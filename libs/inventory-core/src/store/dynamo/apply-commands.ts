import { randomUUID } from 'node:crypto';
import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isInternalCommand, isReservationCommand, type StoreCommand } from '../../command';
import { decideInSequence } from '../../domain/decide-in-sequence';
import { productIdsOf } from '../../domain/product-ids-of';
import { ConflictRetriesExhaustedError } from '../../errors';
import type { VersionedProduct } from '../../domain/types';
import type { CommandOutcome } from '../../outcome';
import type { BatchApplyResult, CommandToApply, GroupWork } from '../../ports';
import type { TableNames } from '../tables';
import { backoff } from './backoff';
import { cancellationCause } from './cancellation-cause';
import { changedProductStates } from './changed-product-states';
import { commandKey } from './command-record';
import { groupTransactions, type DecidedCommand } from './group-transactions';
import { expiredRejection, isExpiredPending } from './pending-expiry';
import type { ProductStateCache } from './product-state-cache';
import { readBatchState } from './read-batch-state';

/** What {@link applyCommands} works with. */
export interface ApplySettings {
  client: DynamoDBClient;
  tables: TableNames;
  /** How many times a group is decided again after a concurrent change, before giving up. */
  maxConflictRetries: number;
  /** Past this long PENDIENTE, a command is refused with `MENSAJE_CADUCADO` instead of decided. */
  pendingLifetimeMs: number;
  /**
   * The states this process's transactions left: with it, a group's first round reads neither the
   * records nor these products (see {@link applyCommands}). Without it, every round reads both.
   */
  cache?: ProductStateCache;
}

/**
 * Group commit: applies a batch of commands together, each exactly once, however often and however
 * concurrently it is delivered. Per round:
 *
 * 1. Reads the records of the commands still open and all their products (consistent, as few
 *    `BatchGetItem` as the 100-key limit allows, at once). A final record with the same fingerprint: the
 *    recorded outcome (`alreadyFinal`). A record with another fingerprint: `ORDEN_DUPLICADA`, writing
 *    nothing. Of several deliveries of one id in the batch, one is decided per round; the others wait
 *    for the next round, which finds its record.
 * 2. Decides the others in order, each against the state the ones before it leave (pure), so each
 *    sale's `stock_resultante` is exact and none takes stock below zero. A record still PENDIENTE past
 *    its lifetime is refused with `MENSAJE_CADUCADO` instead, as reads already show it.
 * 3. Writes them in as few `TransactWriteItems` as the 100-item limit allows, one after the other: per
 *    product one update by the summed delta conditioned on its version and one ledger item of its
 *    entries, per command its record (see `groupTransactions`).
 *
 * With a cache (`settings.cache`, the states this process's own transactions left), the first round
 * reads no record and none of the products the cache has: no read at all for a product one consumer has
 * to itself. It assumes each record absent or its own PENDIENTE within its lifetime, and each cached
 * state current, and its writes are conditioned on exactly that (see `unreadRecord`, and the version
 * of each product). When either does not hold, the transaction is cancelled, and the next round reads
 * and decides as above, at once: a record there (a redelivery, a reused id, an expired command) or a
 * product another process changed. When only products did, their cancellation reasons carry their
 * current states, and the group is decided again from those without reading (once per group), so a
 * stale state costs no more round trips than reading it would have.
 *
 * A cancelled transaction wrote nothing: its commands and those of the transactions after it are
 * decided again from fresh state in the next round (after a short wait when a product changed, none when
 * only command records were written meanwhile); the committed ones are never written again. Any other
 * error fails the commands not yet committed, which the queue delivers again.
 *
 * @returns one result per command, in the order given.
 */
export async function applyCommands(settings: ApplySettings, batch: readonly CommandToApply[], onWork?: (work: GroupWork) => void): Promise<BatchApplyResult[]> {
  const results: (BatchApplyResult | undefined)[] = batch.map(() => undefined);
  const work: GroupWork = { reads: 0, transactions: 0, itemsWritten: 0 };
  let open = batch.map((_, index) => index);
  let conflicts = 0;
  let unread = settings.cache !== undefined;
  let decidedFromCancellation = false;
  while (open.length > 0) {
    const { round, waiting } = oneDeliveryPerId(open, batch);
    let retry: number[];
    let conflicted: boolean;
    try {
      let again: boolean;
      ({ retry, conflicted, unreadAgain: again } = await applyRound(settings, batch, round, results, unread, work));
      // Once per group: a second change under it is a race, which the rounds that read settle.
      unread = again && !decidedFromCancellation;
      decidedFromCancellation ||= again;
    } catch (error) {
      for (const index of open) results[index] = { ok: false, error };
      break;
    }
    open = [...retry, ...waiting].sort((a, b) => a - b);
    if (!conflicted) continue;
    if (conflicts >= settings.maxConflictRetries) {
      for (const index of open) results[index] = { ok: false, error: new ConflictRetriesExhaustedError(batch[index]?.command.ordenId ?? '', conflicts + 1) };
      break;
    }
    await backoff(conflicts++);
  }
  onWork?.(work);
  return results.map((result) => result ?? { ok: false, error: new Error('command left undecided') });
}

/**
 * One round: read, decide, write. Fills `results` for what it settles; returns what must go again.
 * `unread`: the first round with a cache reads no record and no product the cache has.
 */
async function applyRound(
  settings: ApplySettings,
  batch: readonly CommandToApply[],
  round: readonly number[],
  results: (BatchApplyResult | undefined)[],
  unread: boolean,
  work: GroupWork,
): Promise<{ retry: number[]; conflicted: boolean; unreadAgain: boolean }> {
  const { client, tables, cache } = settings;
  const commands = round.map((index) => batch[index] as CommandToApply);
  const { records, states, reservations, requests } = await readBatchState(client, tables, {
    recordKeys: unread ? [] : commands.filter(({ command }) => !isInternalCommand(command)).map(({ command }) => commandKey(command.type, command.ordenId)),
    productIds: commands.flatMap(({ command }) => productIdsOf(command)),
    reservationIds: commands.filter(({ command }) => readsItsHold(command)).map(({ command }) => command.ordenId),
    ...(unread && cache && { known: cachedStates(cache, commands) }),
  });
  work.reads += requests;
  const productIds = (command: StoreCommand): string[] => productIdsOf(command, isReservationCommand(command) ? reservations.get(command.ordenId) : undefined);
  const toDecide: { index: number; item: CommandToApply; recibida: string }[] = [];
  const expired: DecidedCommand[] = [];
  for (const index of round) {
    const item = batch[index] as CommandToApply;
    const record = records.get(commandKey(item.command.type, item.command.ordenId));
    if (record && record.huella !== item.context.fingerprint) results[index] = { ok: true, result: { outcome: duplicateOutcome(item.command), alreadyFinal: false } };
    else if (record && record.outcome.estado !== 'PENDIENTE') results[index] = { ok: true, result: { outcome: record.outcome, alreadyFinal: true } };
    else if (record && isExpiredPending(record, item.context.now, settings.pendingLifetimeMs)) {
      const decision = { kind: 'reject' as const, rejection: expiredRejection(settings.pendingLifetimeMs) };
      expired.push({
        index,
        command: item.command,
        context: item.context,
        decision,
        recibida: record.recibida ?? item.context.now.toISOString(),
        productIds: productIds(item.command),
      });
    } else toDecide.push({ index, item, recibida: record?.recibida ?? item.context.acceptedAt ?? item.context.now.toISOString() });
  }
  const { decisions } = decideInSequence(
    toDecide.map(({ item }) => item.command),
    states,
    { reservations, at: (i) => toDecide[i]?.item.context ?? { now: new Date(), correlationId: '' } },
  );
  const decided: DecidedCommand[] = toDecide.map(({ index, item, recibida }, i) => ({
    index,
    command: item.command,
    context: item.context,
    decision: decisions[i] as DecidedCommand['decision'],
    recibida,
    productIds: productIds(item.command),
    ...(unread && { unreadRecord: { acceptedSince: new Date(item.context.now.getTime() - settings.pendingLifetimeMs).toISOString() } }),
  }));
  // A refusal changes no product, so the expired ones take their place in batch order as they are.
  decided.push(...expired);
  decided.sort((a, b) => a.index - b.index);
  const transactions = groupTransactions(tables, decided, states, reservations);
  for (const [position, transaction] of transactions.entries()) {
    try {
      if (transaction.items.length > 0) {
        work.transactions++;
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: transaction.items,
            // Per attempt: makes the SDK's own retry of this very request idempotent for 10 minutes.
            ClientRequestToken: randomUUID(),
          }),
        );
      }
    } catch (error) {
      const notWritten = transactions.slice(position);
      const uncommitted = notWritten.flatMap((later) => later.members.map((member) => member.index));
      // Whether or not it committed (a timeout may hide a commit), these states are no longer known.
      cache?.forget(notWritten.flatMap((later) => [...later.after.keys()]));
      const cause = cancellationCause(error, transaction.kinds);
      if (cause === undefined) {
        for (const index of uncommitted) results[index] = { ok: false, error };
        return { retry: [], conflicted: false, unreadAgain: false };
      }
      // An unread round's cancellation only says what it did not read: a record there, or a product
      // another process changed. When only products did, the cancellation carries their states: decide
      // again from those, still without reading. Otherwise the next round reads, at once.
      const changed = unread && cache ? changedProductStates(error, transaction.kinds, tables.products) : undefined;
      for (const state of changed ?? []) cache?.remember(state.producto_id, state);
      return { retry: uncommitted, conflicted: cause === 'conflict' && !unread, unreadAgain: changed !== undefined };
    }
    work.itemsWritten += transaction.items.length;
    for (const [id, state] of transaction.after) cache?.remember(id, state);
    for (const member of transaction.members) results[member.index] = { ok: true, result: { outcome: member.outcome, alreadyFinal: false } };
  }
  return { retry: [], conflicted: false, unreadAgain: false };
}

/** The states the cache has of the products of these commands (a hold's step names its products in the hold, read). */
function cachedStates(cache: ProductStateCache, commands: readonly CommandToApply[]): Map<string, VersionedProduct> {
  const known = new Map<string, VersionedProduct>();
  for (const { command } of commands) {
    for (const id of productIdsOf(command)) {
      const state = cache.get(id);
      if (state) known.set(id, state);
    }
  }
  return known;
}

/**
 * Whether deciding the command needs its hold read: a step of a reservation does (its products and its
 * state are the hold's). A new hold does not: only its own `CrearReserva` makes it, in the transaction
 * that makes its record final, and its `Put` is conditioned on its absence; a redelivery is told by
 * the record, as any command's.
 */
function readsItsHold(command: StoreCommand): boolean {
  return isReservationCommand(command) && command.type !== 'CrearReserva';
}

/**
 * The first open delivery of each id decides this round; the later ones of the same id wait. So does a
 * later step of a hold a command before it in the round already names: each hold is written at most
 * once per round, from the state read.
 */
function oneDeliveryPerId(open: readonly number[], batch: readonly CommandToApply[]): { round: number[]; waiting: number[] } {
  const seen = new Set<string>();
  const round: number[] = [];
  const waiting: number[] = [];
  for (const index of open) {
    const command = (batch[index] as CommandToApply).command;
    const keys = [commandKey(command.type, command.ordenId), ...(isReservationCommand(command) ? [`reserva#${command.ordenId}`] : [])];
    if (keys.some((key) => seen.has(key))) waiting.push(index);
    else {
      for (const key of keys) seen.add(key);
      round.push(index);
    }
  }
  return { round, waiting };
}


function duplicateOutcome(command: StoreCommand): CommandOutcome {
  return {
    orden_id: command.ordenId,
    tipo: command.type,
    estado: 'RECHAZADA',
    motivo: {
      codigo: 'ORDEN_DUPLICADA',
      mensaje: `orden_id ${command.ordenId} ya se usó en ${command.type} con otro contenido`,
    },
  };
}
