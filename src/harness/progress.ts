// Output helpers for long runs: a buffered line writer for traces (one write per ~64 KiB instead
// of one per line: a 300,000-step trace is ~30 MB) and a progress line for terminals.

/** Lines joined and handed to `write` in chunks of about `chunk` characters; flush() at the end. */
export class LineBuffer {
  private text = '';
  constructor(private readonly write: (chunk: string) => void, private readonly chunk = 1 << 16) {}
  line(l: string): void {
    this.text += l + '\n';
    if (this.text.length >= this.chunk) this.flush();
  }
  flush(): void {
    if (this.text.length > 0) { this.write(this.text); this.text = ''; }
  }
}

/** A stream a progress line may go to: only a terminal, never a pipe or a CI log. */
export interface ProgressStream { isTTY?: boolean; write(s: string): unknown }

/**
 * `x86lab run: 1234567 steps (limit 10000000), 2.1 s` rewritten in place on a terminal, shown once
 * the run has taken a second, at most ten times a second, and erased by done(). Does nothing when
 * the stream is not a terminal, or under CI (`CI` set: some CI runners give jobs a terminal).
 */
export class ProgressLine {
  private readonly start: number;
  private last = 0;
  private shown = false;
  constructor(private readonly out: ProgressStream, private readonly label: string, private readonly limit: number,
              private readonly now: () => number = () => performance.now(), private readonly ci = !!process.env.CI) {
    this.start = now();
  }
  get active(): boolean { return this.out.isTTY === true && !this.ci; }
  update(steps: number): void {
    if (!this.active) return;
    const t = this.now();
    if (t - this.start < 1000 || t - this.last < 100) return;
    this.last = t;
    this.shown = true;
    this.out.write(`\r\x1b[K${this.label}: ${steps} steps (limit ${this.limit}), ${((t - this.start) / 1000).toFixed(1)} s`);
  }
  done(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
