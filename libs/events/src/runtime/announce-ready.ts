/** The message a background app (a consumer, the sweeper) sends its parent, over an IPC channel, once it runs. */
export interface AppReadyMessage {
  kind: 'ready';
  app: string;
}

/**
 * Tells the parent process, when it spawned this one with an IPC channel (tools/local-stack's harness
 * does), that the app is at work: a message it can wait for, where a log line's wording and format
 * (`LOG_FORMAT`) are free to change. Without a channel (Lambda, a terminal) there is no one to tell. A
 * parent gone meanwhile is no error of the app's.
 */
export function announceReady(app: string): void {
  const message: AppReadyMessage = { kind: 'ready', app };
  process.send?.(message, undefined, undefined, () => undefined);
}
