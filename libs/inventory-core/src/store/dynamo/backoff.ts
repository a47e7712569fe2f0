/** First wait after a conflict; doubled on each further one, up to {@link MAX_BACKOFF_MS}. */
const BASE_BACKOFF_MS = 4;
const MAX_BACKOFF_MS = 200;

/**
 * Waits a random time up to `4 ms * 2^attempt` (at most 200 ms): "full jitter", so commands that collided
 * on a product spread out instead of colliding again in step.
 */
export function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.min(attempt, 16));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
