/** Bounds of the retry loop; both hold at once. */
export interface RetryOptions {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** The whole run gives up on retrying past this moment (performance.now() milliseconds). */
  deadline: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** "Full jitter" exponential backoff: spreads retries of many clients over the whole window. */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const base = options.baseDelayMs ?? 100;
  const cap = options.maxDelayMs ?? 5000;
  const random = options.random ?? Math.random;
  return Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1)));
}
