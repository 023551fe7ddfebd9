/**
 * A source file whose parsed document is built only when something asks for
 * it. Files whose data comes from the content cache or from a worker thread
 * carry their text; the document (for positions and comment-preserving
 * edits) is composed on first use with exactly the steps and options of the
 * hardened loader, so it is the same document the loader built. On a valid
 * catalog few documents are needed (template checks, the reproduce
 * operation's written values); a long run lets them go once done with them
 * (`releaseDocuments`: some 16 KB a file), and a later use composes the same
 * document again.
 */
import { LineCounter, type Document } from "yaml";
import type { SourceFile } from "../model/entity.js";
import { composeDocuments, lexTokens } from "../yaml/parse.js";

/** A SourceFile whose `doc` and `lineCounter` are computed on first access. */
class LazySourceFile implements SourceFile {
  private parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  private content: string | (() => string);

  constructor(
    readonly file: string,
    readonly relPath: string,
    text: string | (() => string),
  ) {
    this.content = text;
  }

  /** The text; read on first use when the file was left unread. */
  get text(): string {
    if (typeof this.content !== "string") this.content = this.content();
    return this.content;
  }

  get doc(): Document.Parsed {
    return this.parse().doc;
  }

  get lineCounter(): LineCounter {
    return this.parse().lineCounter;
  }

  /** Whether the document was composed (and is kept). */
  get isParsed(): boolean {
    return this.parsed !== undefined;
  }

  /** Let the parsed document go (it is composed again if asked for). */
  release(): void {
    this.parsed = undefined;
  }

  private parse(): { doc: Document.Parsed; lineCounter: LineCounter } {
    if (!this.parsed) {
      const lineCounter = new LineCounter();
      const doc = composeDocuments(lexTokens(this.text, lineCounter), this.text)[0];
      // Only files the hardened loader accepted get a lazy source: they hold exactly one document.
      if (!doc) throw new Error(`${this.file} holds no YAML document, but the loader accepted it`);
      this.parsed = { doc, lineCounter };
    }
    return this.parsed;
  }
}

/** A source for a file the hardened loader accepted (in this thread, in a worker, or in an earlier run); `text` may be read on first use. */
export function createLazySource(file: string, relPath: string, text: string | (() => string)): SourceFile {
  return new LazySourceFile(file, relPath, text);
}

/**
 * Let the documents composed so far for `sources` go, for a run that is done
 * with them but keeps the catalog (`mlcat build` while Astro renders): on a
 * large catalog the template checks and the reproduce operations compose
 * thousands. Sources that are not lazy keep theirs. Returns how many were let go.
 */
export function releaseDocuments(sources: Iterable<SourceFile>): number {
  let released = 0;
  for (const source of sources) {
    if (!(source instanceof LazySourceFile) || !source.isParsed) continue;
    source.release();
    released++;
  }
  return released;
}
