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

  it("restarts at 85% of the accepted rate over the last second, once per round", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    // 40 accepted over one second, sent at 40/s.
    for (let i = 0; i < 40; i++) {
      await limiter.run(async () => limiter.onSuccess());
      c.advance(25);
    }
    limiter.onThrottle(c.now());
    expect(limiter.currentRate()).toBeCloseTo(34, 0);
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
    // 10 sent in the 100 ms minimum window = 100/s; half of it, then 85% of that.
    expect(limiter.currentRate()).toBeCloseTo(42.5, 0);
  });

  it("spaces requests by the pace, regains 95% of the throttled rate in 10 requests, then probes slowly", async () => {
    const c = clock();
    const limiter = new AdaptiveLimiter({ concurrency: 4, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 20; i++) {
      await limiter.run(async () => limiter.onSuccess());
      c.advance(50);
    }
    limiter.onThrottle(c.now()); // 20 accepted per second: throttled at 20, restart at 17
    expect(limiter.currentRate()).toBeCloseTo(17, 5);
    const starts: number[] = [];
    const rates: number[] = [];
    for (let i = 0; i < 60; i++) {
      await limiter.run(async (at) => {
        starts.push(at);
        limiter.onSuccess();
        rates.push(limiter.currentRate() ?? 0);
      });
    }
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    // Never closer than the pace in force, never a burst.
    for (const [i, gap] of gaps.entries())
      expect(gap).toBeGreaterThanOrEqual(1000 / (rates[i] as number) - 1e-9);
    expect(rates[9]).toBeCloseTo(19, 5);
    expect(rates[59]).toBeCloseTo(19 * 1.001 ** 50, 1); // +0.1% per request beyond

    // Throttled again while pacing: the pace in force is what was refused.
    limiter.onThrottle(c.now());
    expect(limiter.currentRate()).toBeCloseTo((rates[59] as number) * 0.85, 5);
  });

  it("holds a request that is waiting for its turn to a pace lowered meanwhile", async () => {
    const c = clock();
    let throttleDuringSleep = false;
    const limiter: AdaptiveLimiter = new AdaptiveLimiter({
      concurrency: 4,
      now: c.now,
      sleep: async (ms) => {
        c.advance(ms);
        if (throttleDuringSleep) {
          throttleDuringSleep = false;
          limiter.onThrottle(c.now()); // the pace in force refused: 85% of it
        }
      },
    });
    for (let i = 0; i < 40; i++) {
      await limiter.run(async () => limiter.onSuccess());
      c.advance(25);
    }
    limiter.onThrottle(c.now()); // pacing at 34/s
    const rate = limiter.currentRate() ?? 0;
    const starts: number[] = [];
    await limiter.run(async (at) => starts.push(at));
    throttleDuringSleep = true;
    await limiter.run(async (at) => starts.push(at));
    const lowered = limiter.currentRate() ?? 0;
    expect(lowered).toBeCloseTo(rate * 0.85, 5);
    expect((starts[1] as number) - (starts[0] as number)).toBeCloseTo(1000 / lowered, 5);
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
