import { StartMessageMoveTaskCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { InvError } from '../errors';

/** A move task SQS runs by itself. */
export interface NativeMoveTask {
  taskHandle: string;
  sourceArn: string;
  destinationArn: string;
}

/**
 * Asks SQS to move a whole dead-letter queue back (`StartMessageMoveTask`): no filter, no signature
 * check, no per-message report; SQS does the work and the CLI returns at once. Only AWS has it: the
 * local emulator refuses it, which is why it is never the default path.
 *
 * @throws InvError `MOVIMIENTO_NATIVO_NO_DISPONIBLE` when the endpoint does not offer it.
 */
export async function startNativeMove(
  sqs: SQSClient,
  task: { sourceArn: string; destinationArn: string; ratePerSecond: number | undefined },
): Promise<NativeMoveTask> {
  try {
    const result = await sqs.send(
      new StartMessageMoveTaskCommand({
        SourceArn: task.sourceArn,
        DestinationArn: task.destinationArn,
        ...(task.ratePerSecond !== undefined && { MaxNumberOfMessagesPerSecond: task.ratePerSecond }),
      }),
    );
    return { taskHandle: result.TaskHandle ?? '', sourceArn: task.sourceArn, destinationArn: task.destinationArn };
  } catch (error) {
    const name = (error as Error).name;
    if (/InvalidAction|UnsupportedOperation|UnknownOperation|NotImplemented/i.test(`${name} ${(error as Error).message}`)) {
      throw new InvError('MOVIMIENTO_NATIVO_NO_DISPONIBLE', `This endpoint has no StartMessageMoveTask (${name}); run without --native.`);
    }
    throw error;
  }
}
