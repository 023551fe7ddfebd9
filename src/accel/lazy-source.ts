/**
 * A source file whose parsed document is built only when something asks for
 * it. Files whose data comes from the content cache or from a worker thread
 * carry their text; the document (for positions and comment-preserving
 * edits) is composed on first use with exactly the steps and options of the
 * hardened loader, so it is the same document the loader built. On a valid
 * catalog almost no document is ever needed, and none is kept in memory.
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
