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
/** Added to the rate per accepted request: about +10% per second, a gentle probe of the quota. */
const PROBE_STEP = 0.1;

/**
 * Runs at full speed until SSM throttles. Then it paces requests at the rate SSM was seen to accept
 * (accepted requests over the last second, or since the start when that is shorter), never below
 * half the rate it was sending at, lowered once per round of requests; and it probes upward slowly
 * after each accepted request. The account's quota is shared with every other pipeline, so settling
 * at what is accepted costs less than a storm of retries.
 */
export class AdaptiveLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private rate: number | undefined;
  private nextSlot = 0;
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
    if (this.rate !== undefined) this.rate += PROBE_STEP;
  }

  /** SSM throttled a request sent at `sentAt`: slow down, once per round of requests. */
  onThrottle(sentAt: number): void {
    // Requests already in flight when the rate was last lowered say nothing about the new rate.
    if (sentAt < this.lastDecrease) return;
    const now = this.now();
    const windowMs = Math.min(WINDOW_MS, Math.max(MIN_WINDOW_MS, now - (this.startedAt ?? now)));
    const perSecond = (times: number[]) =>
      (times.filter((t) => t >= now - windowMs).length * 1000) / windowMs;
    const target = Math.max(perSecond(this.accepted), perSecond(this.sent) / 2);
    this.rate = Math.max(MIN_RPS, Math.min(this.rate ?? Number.POSITIVE_INFINITY, target) * 0.9);
    this.lastDecrease = now;
    this.decreases++;
  }

  private remember(times: number[], at: number): void {
    times.push(at);
    while (times.length > 0 && (times[0] ?? 0) < at - WINDOW_MS) times.shift();
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
