// Token buckets, one per name (an API key, or a client address for failed attempts). The
// clock is passed in, so tests drive refills without waiting.
export interface Rate {
  /** Tokens added per second. */
  perSecond: number;
  /** The bucket's size: most requests at once. */
  burst: number;
}

export type Take = { ok: true } | { ok: false; retryAfterS: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly now: () => number,
    /** Past this many names, full buckets (no different from new ones) are dropped. */
    private readonly maxNames = 10_000,
  ) {}

  /** Tokens in `name`'s bucket now (a new name's bucket is full). */
  private level(name: string, rate: Rate, now: number): number {
    const bucket = this.buckets.get(name);
    if (!bucket) return rate.burst;
    const refill = (Math.max(0, now - bucket.at) / 1000) * rate.perSecond;
    return Math.min(rate.burst, bucket.tokens + refill);
  }

  /** Seconds until `name` has a token again; 0 when it has one now. */
  wait(name: string, rate: Rate): number {
    const tokens = this.level(name, rate, this.now());
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / rate.perSecond));
  }

  /** Takes a token from `name`'s bucket, or says how long until there is one. */
  take(name: string, rate: Rate): Take {
    const now = this.now();
    const tokens = this.level(name, rate, now);
    if (tokens < 1) {
      this.buckets.set(name, { tokens, at: now });
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / rate.perSecond)) };
    }
    this.buckets.set(name, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxNames) this.prune(rate, now);
    return { ok: true };
  }

  private prune(rate: Rate, now: number): void {
    for (const name of this.buckets.keys()) {
      if (this.level(name, rate, now) >= rate.burst) this.buckets.delete(name);
    }
    // Still too many (a flood of names): forget the oldest, which lets them start full.
    for (const name of this.buckets.keys()) {
      if (this.buckets.size <= this.maxNames) break;
      this.buckets.delete(name);
    }
  }
}
