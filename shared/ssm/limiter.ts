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
const MIN_RPS = 5;

/**
 * Runs at full speed until SSM throttles, then paces requests at the rate SSM was seen to accept in
 * the last second, and probes upward by about one request per second per second (additive increase,
 * multiplicative decrease). The account's quota is shared with every other pipeline, so backing off
 * to what is accepted costs less than a storm of retries.
 */
export class AdaptiveLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private rate: number | undefined;
  private nextSlot = 0;
  private lastDecrease = -Infinity;
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

  /** Runs `task` when a concurrency slot and a rate slot are free; returns its start time too. */
  async run<T>(task: (startedAt: number) => Promise<T>): Promise<T> {
    await this.enter();
    try {
      await this.pace();
      return await task(this.now());
    } finally {
      this.leave();
    }
  }

  /** A request succeeded: count it towards the accepted rate and probe upward. */
  onSuccess(): void {
    const now = this.now();
    this.accepted.push(now);
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) < now - WINDOW_MS) this.accepted.shift();
    if (this.rate !== undefined) this.rate += 1 / this.rate;
  }

  /** SSM throttled a request sent at `sentAt`: slow down once per round of requests. */
  onThrottle(sentAt: number): void {
    // Requests already in flight when the rate was last lowered say nothing about the new rate.
    if (sentAt < this.lastDecrease) return;
    const now = this.now();
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) < now - WINDOW_MS) this.accepted.shift();
    const seen = this.accepted.length; // accepted in the last second = the rate SSM allows us now
    const base = this.rate === undefined ? seen : Math.min(this.rate, Math.max(seen, this.rate * 0.7));
    this.rate = Math.max(MIN_RPS, base * 0.9);
    this.lastDecrease = now;
    this.decreases++;
  }

  private async pace(): Promise<void> {
    const rate = this.currentRate();
    if (rate === undefined) return;
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / rate;
    if (slot > now) await this.sleep(slot - now);
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
