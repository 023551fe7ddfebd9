/**
 * How mlcat writes YAML: the parse options every edit uses (those of the
 * loader: YAML 1.2, core schema) and the canonical output options.
 */
import { isScalar, Scalar, visit, type Document, type ToStringOptions } from "yaml";

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
 * Turn prose strings that would not fit on their line into folded block
 * scalars (`>-`), so long text wraps instead of continuing a plain scalar on
 * indented lines. `columnOf` gives the column the value starts at, when known.
 */
export function foldLongText(doc: Document, columnOf: (node: Scalar) => number | undefined = () => undefined): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === "key" || !isScalar(node) || typeof node.value !== "string") return;
      if (node.type !== Scalar.PLAIN && node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE && node.type !== undefined) return;
      const text = node.value;
      if (!text.includes(" ") || /[\n\t]|^\s|\s$| {2}/.test(text)) return;
      const column = columnOf(node) ?? 24;
      if (column + text.length <= LINE_WIDTH) return;
      node.type = Scalar.BLOCK_FOLDED;
    },
  });
}

/** The text of a document in mlcat's canonical output form, ending with one newline. */
export function stringifyDocument(doc: Document): string {
  return doc.toString(OUTPUT_OPTIONS);
}
