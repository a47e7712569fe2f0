/** A running emulator: where to reach it and how to stop it. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:8000`, for an AWS SDK `endpoint`. */
  endpoint: string;
  /** Stops it and resolves once it is gone; calling it again is harmless. */
  stop(): Promise<void>;
  /** Resolves, with what happened, if the emulator ends without `stop()`; never otherwise. */
  unexpectedExit: Promise<string>;
}

/** Options shared by the emulators. */
export interface EmulatorOptions {
  /** TCP port; a free one when omitted. */
  port?: number;
  /** Directory to keep data in across restarts; in memory when omitted. */
  dataDir?: string;
}
