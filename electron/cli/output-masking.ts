/** What a masked value is replaced with in a program's output. */
export const maskText = '<masked by azcred>';

/**
 * Hides secret values in a stream of bytes, as `op run` does for the secrets it injects: each
 * occurrence becomes `<masked by azcred>`, also when the program writes it in pieces (a byte at a
 * time). It works on bytes, so a multi-byte character split across writes is never damaged.
 *
 * The price of that: output that ends with the first bytes of a secret is held back until the next
 * write shows whether the secret follows, or the stream ends.
 */
export class OutputMasker {
  readonly #secrets: Buffer[];
  readonly #mask = Buffer.from(maskText);
  #held: Buffer = Buffer.alloc(0);

  constructor(secrets: Iterable<string>) {
    // Longest first, so a secret that contains another (a connection string and its key) is masked whole.
    this.#secrets = [...new Set([...secrets].filter((s) => s.length >= 4))].map((s) => Buffer.from(s)).sort((a, b) => b.length - a.length);
  }

  get active(): boolean {
    return this.#secrets.length > 0;
  }

  /** The bytes that are safe to show now; the rest waits for `write` or `end`. */
  write(chunk: Buffer): Buffer {
    const text = Buffer.concat([this.#held, chunk]);
    const out: Buffer[] = [];
    let shown = 0;
    let i = 0;
    while (i < text.length) {
      const whole = this.#secrets.find((s) => text.length - i >= s.length && text.compare(s, 0, s.length, i, i + s.length) === 0);
      if (whole) {
        out.push(text.subarray(shown, i), this.#mask);
        i += whole.length;
        shown = i;
        continue;
      }
      // A secret may begin here and go on in the next write: keep everything from here.
      if (this.#secrets.some((s) => s.length > text.length - i && text.compare(s, 0, text.length - i, i) === 0)) break;
      i += 1;
    }
    out.push(text.subarray(shown, i));
    this.#held = Buffer.from(text.subarray(i));
    return Buffer.concat(out);
  }

  /** What is left at the end of the stream: held bytes that turned out to be no secret. */
  end(): Buffer {
    const rest = this.#held;
    this.#held = Buffer.alloc(0);
    return rest;
  }
}
