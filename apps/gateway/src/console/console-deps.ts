import type { SQSClient } from '@aws-sdk/client-sqs';
import type { QueueUrls } from '@inventario/dead-letters';
import type { RecentCommands } from './recent-commands';

/** What the console needs beyond the gateway's own dependencies. */
export interface ConsoleDeps {
  /** Every `/consola/api` call must carry it as `Authorization: Bearer`. */
  token: string;
  /**
   * The key the console signs the commands of its forms with: the first of the gateway's key ring (the
   * new one during a rotation). It never leaves the server.
   */
  signingKey: string;
  /** Stock under this is shown as low (`STOCK_MINIMO`). */
  stockMinimo: number;
  /** To read the consumers' queues and their dead-letter queues. */
  sqs: SQSClient;
  queues: QueueUrls;
  recent: RecentCommands;
  /** The folder of the page's static files. */
  staticDir: string;
}
