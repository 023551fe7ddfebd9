/**
 * Finding and redacting names in text: the public audience's free-text filter
 * and the leak scan share it. A name is found as a whole word (not inside a
 * longer name: `acme/hush` is in `acme/hush/run-1` but not in `acme/hushed`),
 * case-insensitively (GitHub logins are), in time linear in the text whatever
 * the number of names: words are cut out once and looked up in a set.
 */

/** What a redacted name becomes. */
export const REDACTED = "(private)";

/** A word: letters, digits, `_` and `-`, in up to a few `/`-joined segments (`org/name`, `org/project/run`). */
const WORD = /[A-Za-z0-9_][A-Za-z0-9_-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_-]*)*/g;

/** One name found in a text. */
export interface NameMatch {
  index: number;
  length: number;
  name: string;
}

/** A set of names (`org`, `user`, `org/name`) to look for in text. */
export class HiddenNames {
  private readonly names: Set<string>;

  constructor(names: Iterable<string>) {
    this.names = new Set([...names].map((n) => n.toLowerCase()).filter((n) => n !== ""));
  }

  /** Whether there is nothing to look for. */
  get empty(): boolean {
    return this.names.size === 0;
  }

  /** The names, sorted. */
  list(): string[] {
    return [...this.names].sort();
  }

  /** Every whole-word occurrence of a name in `text`, in order (a two-segment name wins over its first segment). */
  *matches(text: string): Generator<NameMatch> {
    if (this.names.size === 0) return;
    for (const word of text.matchAll(WORD)) {
      const segments = word[0].split("/");
      let offset = word.index;
      for (let i = 0; i < segments.length; i++) {
        const one = segments[i]!;
        const two = i + 1 < segments.length ? `${one}/${segments[i + 1]!}` : undefined;
        if (two !== undefined && this.names.has(two.toLowerCase())) {
          yield { index: offset, length: two.length, name: two.toLowerCase() };
          offset += two.length + 1;
          i++;
        } else {
          if (this.names.has(one.toLowerCase())) yield { index: offset, length: one.length, name: one.toLowerCase() };
          offset += one.length + 1;
        }
      }
    }
  }

  /** The first name found in `text`, if any. */
  find(text: string): string | undefined {
    for (const m of this.matches(text)) return m.name;
    return undefined;
  }

  /** `text` with every name replaced by `(private)`. */
  redact(text: string): string {
    let out = "";
    let last = 0;
    for (const m of this.matches(text)) {
      out += text.slice(last, m.index) + REDACTED;
      last = m.index + m.length;
    }
    return last === 0 ? text : out + text.slice(last);
  }
}
