/** Options of the request pacer shared by every SSM call of one run. */
export interface LimiterOptions {
  /** Parallel requests at most. */
  concurrency: number;
  /** A fixed ceiling on requests per second, whatever SSM accepts. */
  maxRps?: number;
  /** Clock and sleep, replaceable in unit tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const WINDOW_MS = 1000;
const MIN_WINDOW_MS = 100;
const MIN_RPS = 2;
/** After a throttle, the rate restarts at this share of the rate that was throttled. */
const BACKOFF = 0.85;
/** Accepted requests bring the pace back to this share of the throttled rate, just below it... */
const HOVER = 0.95;
/** ...regaining this share of it per request (back in 10 requests)... */
const RECOVERY = 0.01;
/** ...then probe for more: 0.1% per request (about +4% per second at 40/s). */
const PROBE = 1.001;

/**
 * Runs at full speed until SSM throttles. Then it paces requests: the rate that was throttled (the
 * pace in force, or at the first throttle what SSM was seen to accept, never below half the rate
 * sent) is remembered, and the pace restarts at 85% of it, once per round of requests. Accepted
 * requests bring the pace back within 10 requests to 95% of the remembered rate, then probe slowly
 * beyond it. The account's quota is shared with every other pipeline, so hovering just below what
 * was refused costs less than a storm of retries; a quota that others now use more refuses again
 * and the pace steps down by another 15%.
 */
export class AdaptiveLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private rate: number | undefined;
  /** The rate at which SSM last throttled us. */
  private throttledAt = 0;
  private paced: Promise<void> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private startedAt: number | undefined;
  private readonly sent: number[] = [];
  private readonly accepted: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** How many times the adaptive rate was lowered; reported in debug output and benchmarks. */
  decreases = 0;

  constructor(private readonly options: LimiterOptions) {
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The requests-per-second ceiling in force now (undefined: none). */
  currentRate(): number | undefined {
    const caps = [this.rate, this.options.maxRps].filter((r): r is number => r !== undefined);
    return caps.length === 0 ? undefined : Math.min(...caps);
  }

  /** Runs `task` when a concurrency slot and a rate slot are free, passing the moment it starts. */
  async run<T>(task: (startedAt: number) => Promise<T>): Promise<T> {
    await this.enter();
    try {
      await this.pace();
      const startedAt = this.now();
      this.startedAt ??= startedAt;
      this.remember(this.sent, startedAt);
      return await task(startedAt);
    } finally {
      this.leave();
    }
  }

  /** A request was accepted: count it towards the accepted rate and probe upward. */
  onSuccess(): void {
    this.remember(this.accepted, this.now());
    if (this.rate === undefined) return;
    const hover = this.throttledAt * HOVER;
    this.rate =
      this.rate < hover ? Math.min(hover, this.rate + this.throttledAt * RECOVERY) : this.rate * PROBE;
  }

  /** SSM throttled a request sent at `sentAt`: slow down, once per round of requests. */
  onThrottle(sentAt: number): void {
    // Requests already in flight when the rate was last lowered say nothing about the new rate.
    if (sentAt < this.lastDecrease) return;
    const now = this.now();
    const windowMs = Math.min(WINDOW_MS, Math.max(MIN_WINDOW_MS, now - (this.startedAt ?? now)));
    const perSecond = (times: number[]) =>
      (times.filter((t) => t >= now - windowMs).length * 1000) / windowMs;
    // While pacing, the pace in force is what was refused (the accepted count over the last second
    // lags behind a pace that has just risen); at the first throttle, what SSM was seen to accept.
    this.throttledAt = this.rate ?? Math.max(perSecond(this.accepted), perSecond(this.sent) / 2);
    this.rate = Math.max(MIN_RPS, this.throttledAt * BACKOFF);
    this.lastDecrease = now;
    this.decreases++;
  }

  private remember(times: number[], at: number): void {
    times.push(at);
    while (times.length > 0 && (times[0] ?? 0) < at - WINDOW_MS) times.shift();
  }

  /**
   * Spaces request starts at least 1/rate apart, measured from when the previous request really
   * started: a timer that fires late must not make the next request follow too closely, since a
   * quota with little burst would refuse it. The pace is read again after each sleep, so one
   * lowered meanwhile applies to this request too.
   */
  private pace(): Promise<void> {
    const turn = this.paced.then(async () => {
      for (let rate = this.currentRate(); rate !== undefined; rate = this.currentRate()) {
        const wait = this.lastStart + 1000 / rate - this.now();
        if (wait <= 0) break;
        await this.sleep(wait);
      }
      this.lastStart = this.now();
    });
    this.paced = turn;
    return turn;
  }

  private enter(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
