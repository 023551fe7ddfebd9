/**
 * How mlcat writes YAML: the parse options every edit uses (those of the
 * loader: YAML 1.2, core schema) and the canonical output options.
 */
import { isMap, isScalar, isSeq, Scalar, visit, type Document, type ToStringOptions } from "yaml";

/** Parse options for documents that will be edited and written back. */
export const EDIT_PARSE_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: false } as const;

/** The widest line mlcat writes when it folds long text. */
export const LINE_WIDTH = 80;

/** Canonical output: two-space indentation, sequences indented under their key, `[a, b]` flows. */
export const OUTPUT_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  flowCollectionPadding: false,
  lineWidth: LINE_WIDTH,
  minContentWidth: 20,
};

/** A string written in double quotes: version tags and timestamps, which YAML could read as other types. */
export function quoted(value: string): Scalar<string> {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/**
 * In a new file: turn prose values that would not fit on their line into
 * folded block scalars (`>-`), so long text wraps instead of running on, and
 * write short lists of plain values in flow style (`[a, b]`).
 */
export function tidyNewDocument(doc: Document): void {
  visit(doc, {
    Pair(_key, pair, path) {
      const node = pair.value;
      if (!isScalar(pair.key) || !isScalar(node) || typeof node.value !== "string") return;
      if (node.type !== undefined && node.type !== Scalar.PLAIN) return;
      const text = node.value;
      if (!text.includes(" ") || /[\n\t]|^\s|\s$| {2}/.test(text)) return;
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length - 1;
      if (depth * 2 + String(pair.key.value).length + 2 + text.length <= LINE_WIDTH) return;
      node.type = Scalar.BLOCK_FOLDED;
    },
    Seq(_key, seq) {
      const items = seq.items;
      if (
        items.length === 0 ||
        !items.every((i) => isScalar(i) && typeof i.value !== "object" && !String(i.value).includes(" "))
      )
        return;
      const width = items.reduce<number>((n, i) => n + String((i as Scalar).value).length + 2, 0);
      if (width <= 60) seq.flow = true;
    },
  });
}

/** The text of a document in mlcat's canonical output form, ending with one newline. */
export function stringifyDocument(doc: Document): string {
  return doc.toString(OUTPUT_OPTIONS);
}
