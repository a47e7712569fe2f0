/**
 * DynamoDB Local could not start because no usable Java runtime was found (it is a Java program and needs
 * Java 17 or newer).
 *
 * @example
 * ```ts
 * try { await startDynamoDb(); } catch (error) { if (error instanceof JavaRuntimeMissingError) hint(error.message); }
 * ```
 */
export class JavaRuntimeMissingError extends Error {
  override readonly name = 'JavaRuntimeMissingError';

  constructor(detail: string) {
    super(
      `DynamoDB Local needs a Java 17+ runtime: ${detail}. Install one (Debian/Ubuntu: ` +
        '`sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`; or any JDK from ' +
        'https://adoptium.net) and make sure `java -version` works in this shell.',
    );
  }
}

/**
 * An emulator process did not come up. The message ends with the tail of its output, when it wrote any.
 *
 * @example
 * ```ts
 * throw new EmulatorStartError('DynamoDB Local', 'did not answer within 60 s', outputTail);
 * ```
 */
export class EmulatorStartError extends Error {
  override readonly name = 'EmulatorStartError';

  constructor(emulator: string, reason: string, outputTail = '') {
    super(`${emulator} ${reason}${outputTail.trim() === '' ? '' : `; its last output:\n${outputTail.trimEnd()}`}`);
  }
}

/**
 * The local stack, run as a child process, did not report ready (or died). The message carries the child's
 * stderr tail.
 *
 * @example
 * ```ts
 * await spawnLocalStack({ inMemory: true }).catch((error: LocalStackSpawnError) => console.error(error.message));
 * ```
 */
export class LocalStackSpawnError extends Error {
  override readonly name = 'LocalStackSpawnError';
}

/** Why an app of the system was not ready: it exited first, or it did not signal readiness in time. */
export type AppNotReadyReason = 'APP_EXITED' | 'APP_READY_TIMEOUT';

/**
 * An app of the running system (see `startSystem`) did not become ready. The message ends with the last
 * lines it printed.
 *
 * @example
 * ```ts
 * await system.restart('orden-compra').catch((error: AppNotReadyError) => error.code); // 'APP_EXITED'
 * ```
 */
export class AppNotReadyError extends Error {
  override readonly name = 'AppNotReadyError';

  constructor(
    readonly app: string,
    readonly code: AppNotReadyReason,
    detail: string,
    outputTail: string,
  ) {
    super(`${app} ${detail}${outputTail.trim() === '' ? '' : `; its last output:\n${outputTail.trimEnd()}`}`);
  }
}

/**
 * What a `waitUntil` probe throws for "not yet": the condition it waits for does not hold yet.
 *
 * @example
 * ```ts
 * throw new NotYetError('the queue still holds messages');
 * ```
 */
export class NotYetError extends Error {
  override readonly name = 'NotYetError';
  readonly code = 'NOT_YET';
}
