/**
 * mlcat's one YAML style: the parse options every writer reads with (the
 * loader's: YAML 1.2, core schema), the output options, and the rules for
 * values the writer creates (which strings are quoted, which lists are flows,
 * which prose is folded). Every file mlcat writes follows them; see render.ts.
 */
import { isMap, isScalar, isSeq, Scalar, visit, type Document, type ToStringOptions } from "yaml";

/** Parse options for documents that will be edited or formatted and written back. */
export const EDIT_PARSE_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: false } as const;

/** The widest line mlcat writes when it folds long prose (`>-`). */
export const LINE_WIDTH = 80;

/**
 * Output options: two-space indentation, sequences indented under their key,
 * `[a, b]` flows, and no automatic line folding (lineWidth 0): folded prose
 * is wrapped by the writer itself, everything else stays on its line.
 */
export const OUTPUT_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  flowCollectionPadding: false,
  lineWidth: 0,
  minContentWidth: 0,
};

/** Words YAML 1.1 reads as booleans or null, and its value and merge keys. */
const RESERVED_1_1 = /^(?:y|yes|n|no|true|false|on|off|null|~|=|<<)$/i;
/** Numbers in YAML 1.1 or 1.2: decimal (with `_`, exponents, sexagesimal `1:30`), binary, octal, hex, infinities, not-a-number. */
const NUMBER = /^[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$/;
const RADIX_OR_SPECIAL = /^[-+]?(?:0[box][0-9a-f_]+|\.inf|\.nan)$/i;
/** YAML 1.1 timestamps start with a date. */
const DATE = /^\d{4}-\d\d?-\d\d?(?:[Tt\s]|$)/;
/** Version numbers such as `1.0.0`: strings in YAML, quoted by convention so they never read as numbers. */
const VERSION = /^\d+\.\d+/;

/**
 * Whether a new string value is written in double quotes: when YAML 1.1 or
 * 1.2 could read it as something other than a string (booleans, null,
 * numbers, timestamps), or it is a version number, so every tool reads it as
 * the string it is. Other strings are plain where YAML allows.
 */
export function quotesString(value: string): boolean {
  return (
    RESERVED_1_1.test(value) ||
    NUMBER.test(value) ||
    RADIX_OR_SPECIAL.test(value) ||
    DATE.test(value) ||
    VERSION.test(value)
  );
}

/** A string written in double quotes whatever its text. */
export function quoted(value: string): Scalar<string> {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/**
 * In a document the writer builds: turn prose values that would not fit on
 * their line into folded block scalars (`>-`), so long text wraps instead of
 * running on, and write short lists of plain values in flow style (`[a, b]`).
 */
export function tidyNewDocument(doc: Document): void {
  visit(doc, {
    Pair(_key, pair, path) {
      const node = pair.value;
      if (!isScalar(pair.key) || !isScalar(node) || typeof node.value !== "string") return;
      if (node.type !== undefined && node.type !== Scalar.PLAIN) return;
      if (!isFoldable(node.value)) return;
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length - 1;
      if (depth * 2 + String(pair.key.value).length + 2 + node.value.length <= LINE_WIDTH) return;
      node.type = Scalar.BLOCK_FOLDED;
    },
    Seq(_key, seq) {
      const items = seq.items;
      if (
        items.length === 0 ||
        !items.every((i) => isScalar(i) && typeof i.value !== "object" && !/[\s,[\]{}#:"']/.test(String(i.value)))
      )
        return;
      const width = items.reduce<number>((n, i) => n + String((i as Scalar).value).length + 2, 0);
      if (width <= 60) seq.flow = true;
    },
  });
}

/** Prose that folds back to itself: words separated by single spaces, no line breaks or tabs. */
export function isFoldable(text: string): boolean {
  return text.includes(" ") && !/[\n\t]|^\s|\s$| {2}/.test(text);
}

/** Words of `text` greedily joined into lines of at most `width` characters (a longer word gets its own line). */
export function foldLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
