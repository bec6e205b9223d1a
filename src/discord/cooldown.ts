/**
 * Per-user rate limit over a sliding window: at most `limit` questions in any `windowMs`.
 */

/** The outcome of asking to spend one question. */
export type CooldownResult =
  | { readonly allowed: true }
  | { readonly allowed: false; /** When the oldest question in the window expires. */ readonly retryAfterMs: number };

export interface CooldownOptions {
  readonly limit: number;
  readonly windowMs: number;
  /** Clock in milliseconds, for tests. */
  readonly now?: () => number;
}

export class Cooldown {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  /** Times of each user's questions inside the window, oldest first. */
  readonly #recent = new Map<string, number[]>();
  #lastSweep = 0;

  constructor(options: CooldownOptions) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
  }

  /** Records a question by `userId` if the window has room; refused questions are not counted. */
  take(userId: string): CooldownResult {
    const now = this.#now();
    this.#sweep(now);
    const times = this.#live(userId, now);
    if (times.length >= this.#limit) {
      const oldest = times[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(0, oldest + this.#windowMs - now) };
    }
    times.push(now);
    this.#recent.set(userId, times);
    return { allowed: true };
  }

  /** Number of users currently tracked (for tests and metrics). */
  get trackedUsers(): number {
    return this.#recent.size;
  }

  #live(userId: string, now: number): number[] {
    const times = this.#recent.get(userId) ?? [];
    const cutoff = now - this.#windowMs;
    let expired = 0;
    while (expired < times.length && (times[expired] ?? now) <= cutoff) expired++;
    return expired === 0 ? times : times.slice(expired);
  }

  /** Forgets users with no question in the window, at most once per window, so memory stays bounded. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    for (const [userId] of this.#recent) {
      if (this.#live(userId, now).length === 0) this.#recent.delete(userId);
    }
  }
}
