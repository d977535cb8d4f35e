// One render per key however many ask at once, and at most `limit` renders at a time.

const LINGER_MS = 1000;

export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  /** The running work for this key, if any. */
  joining(key: string): Promise<T> | undefined {
    return this.flights.get(key);
  }

  /**
   * Starts the work for this key; callers that ask meanwhile join it. The settled work stays
   * joinable a moment: a caller whose cache look-up began before the file landed and ended
   * after the work settled would otherwise render the same thing again. `linger` says which
   * results stay (those that are what the key names); the others go at once.
   */
  start(key: string, work: () => Promise<T>, linger: (result: T) => boolean): Promise<T> {
    const running = work();
    this.flights.set(key, running);
    const forget = (): void => {
      if (this.flights.get(key) === running) this.flights.delete(key);
    };
    running.then((result) => {
      if (linger(result)) setTimeout(forget, LINGER_MS).unref();
      else forget();
    }, forget);
    return running;
  }
}

export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
