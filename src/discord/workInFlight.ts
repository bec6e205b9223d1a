/**
 * The bot's work in flight, capped. Beyond the cap a question is told to wait with a short notice
 * (itself capped the same), and beyond both it is dropped: work never piles up without bound when
 * Discord is slow or a flood arrives, and a graceful stop knows what to wait for.
 */

/** What to do with new work: do it, answer only "busy, ask again", or nothing at all. */
export type Admission = 'run' | 'busy' | 'drop';

export class WorkInFlight {
  readonly #running = new Set<Promise<void>>();
  readonly #notices = new Set<Promise<void>>();

  /** @param limit most pieces of work at once, and most "busy" notices at once. */
  constructor(private readonly limit: number) {}

  /** Pieces of work and notices in flight. */
  get size(): number {
    return this.#running.size + this.#notices.size;
  }

  /** What may be done with one more piece of work now. */
  admit(): Admission {
    if (this.#running.size < this.limit) return 'run';
    return this.#notices.size < this.limit ? 'busy' : 'drop';
  }

  /** Counts `job` (work, or a busy notice) in flight until it settles; it must not reject. */
  track(job: Promise<void>, as: Exclude<Admission, 'drop'>): void {
    const set = as === 'run' ? this.#running : this.#notices;
    set.add(job);
    const done = () => void set.delete(job);
    job.then(done, done);
  }

  /** Resolves once everything in flight now has settled. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#running, ...this.#notices]);
  }
}
