import { describe, expect, it } from "vitest";
import { AdaptiveLimiter } from "../../../shared/ssm/limiter.js";

/** A fake clock: sleeping advances it, so pacing is measured without waiting. */
function clock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("AdaptiveLimiter", () => {
  it("runs at full speed until throttled", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 100; i++) await limiter.run(async () => limiter.onSuccess());
    expect(c.now()).toBe(0);
    expect(limiter.currentRate()).toBeUndefined();
  });

  it("drops to the accepted rate over the last second, once per round", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    // 40 accepted over one second, sent at 40/s.
    for (let i = 0; i < 40; i++) {
      await limiter.run(async () => limiter.onSuccess());
      c.advance(25);
    }
    limiter.onThrottle(c.now());
    expect(limiter.currentRate()).toBeCloseTo(36, 0);
    // Sent before the decrease: ignored.
    limiter.onThrottle(c.now() - 10);
    expect(limiter.decreases).toBe(1);
  });

  it("never drops below half the rate it was sending at, even when nothing was accepted yet", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 10, now: c.now, sleep: c.sleep });
    await Promise.all(Array.from({ length: 10 }, () => limiter.run(async () => undefined)));
    c.advance(25);
    limiter.onThrottle(0);
    // 10 sent in the 100 ms minimum window = 100/s; half of it, less 10%.
    expect(limiter.currentRate()).toBeCloseTo(45, 0);
  });

  it("paces at the adaptive rate and probes upward on success", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 20; i++) {
      await limiter.run(async () => limiter.onSuccess());
      c.advance(50);
    }
    limiter.onThrottle(c.now());
    const rate = limiter.currentRate() ?? 0;
    const start = c.now();
    for (let i = 0; i < 21; i++) await limiter.run(async () => limiter.onSuccess());
    expect(c.now() - start).toBeGreaterThanOrEqual((20 * 1000) / (rate + 2) - 1);
    expect(limiter.currentRate()).toBeCloseTo(rate + 2.1, 5);
  });

  it("honours a fixed cap on requests per second", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, maxRps: 10, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 11; i++) await limiter.run(async () => undefined);
    expect(c.now()).toBe(1000);
  });

  it("never runs more tasks at once than its concurrency", async () => {
    const limiter = new AdaptiveLimiter({ concurrency: 3 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});
