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

  it("drops to the rate accepted in the last second when throttled, once per round", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 40; i++) await limiter.run(async () => limiter.onSuccess());
    c.advance(100);
    limiter.onThrottle(50);
    expect(limiter.currentRate()).toBeCloseTo(36, 0);
    // In flight before the decrease: ignored.
    limiter.onThrottle(60);
    expect(limiter.decreases).toBe(1);
  });

  it("paces at the adaptive rate and probes upward on success", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 20; i++) await limiter.run(async () => limiter.onSuccess());
    limiter.onThrottle(0);
    const rate = limiter.currentRate() ?? 0;
    const start = c.now();
    for (let i = 0; i < 20; i++) await limiter.run(async () => limiter.onSuccess());
    expect(c.now() - start).toBeGreaterThanOrEqual((19 * 1000) / (rate + 20 / rate) - 1);
    expect(limiter.currentRate()).toBeGreaterThan(rate);
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
