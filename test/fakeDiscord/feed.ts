/**
 * A growing list that callers can wait on: `waitFor` resolves with the first item, past or future,
 * that matches a predicate. Items may change after they are added; `changed()` re-checks waiters.
 */
export class Feed<T> {
  readonly items: T[] = [];
  readonly #waiters = new Set<{ matches: (item: T) => boolean; settle: (item: T) => void }>();

  constructor(private readonly describe: (item: T) => string) {}

  /** Appends an item and wakes the waiters it satisfies. */
  push(item: T): void {
    this.items.push(item);
    this.changed();
  }

  /** Re-checks every waiter, for items that were mutated in place. */
  changed(): void {
    for (const waiter of [...this.#waiters]) {
      const found = this.items.find(waiter.matches);
      if (found !== undefined) waiter.settle(found);
    }
  }

  /**
   * Resolves with the first item matching `matches`; rejects after `timeoutMs` with an error that
   * lists the last few items, so a failing test shows what did arrive.
   */
  waitFor(matches: (item: T) => boolean, timeoutMs: number, what = 'item'): Promise<T> {
    const found = this.items.find(matches);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        matches,
        settle: (item: T) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const recent = this.items.slice(-8).map(this.describe).join('\n  ');
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms; last ones:\n  ${recent || '(none)'}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }
}
