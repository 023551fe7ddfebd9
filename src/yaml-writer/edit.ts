/**
 * Comment-preserving edits of a YAML file. Each edit is made with the `yaml`
 * Document API (`setIn`, `addIn`), which defines the result. The file's text is
 * then changed only where the edit is (a scalar replaced, an item appended), so
 * every untouched line stays byte for byte; the spliced text is parsed again
 * and must equal the Document API's result, or the whole document is written
 * by the renderer instead. New values are written by the one renderer.
 *
 * With a `shape`, a file that was in `fmt`'s canonical form stays in it (a key
 * added at its canonical place); a file that was not is only spliced, so the
 * edit's diff holds the edit alone.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from "yaml";
import { formatYamlText } from "./format.js";
import { renderYaml } from "./render.js";
import type { Shape } from "./shape.js";
import { EDIT_PARSE_OPTIONS } from "./style.js";

/** One edit: set the value at `path`, append an item to the sequence at `path`, or delete the item at `path`. */
export type YamlEdit =
  | { op: "set"; path: readonly (string | number)[]; value: unknown }
  | { op: "append"; path: readonly (string | number)[]; value: unknown }
  | { op: "delete"; path: readonly (string | number)[] };

interface Splice {
  at: number;
  end: number;
  text: string;
}

/** Apply `edits` to the YAML `text`; comments and the formatting of untouched parts survive. */
export function editYamlText(text: string, edits: readonly YamlEdit[], options: { shape?: Shape } = {}): string {
  const edited = spliceOrRender(text, edits);
  const shape = options.shape;
  if (!shape || formatYamlText(text, shape) !== text) return edited;
  return formatYamlText(edited, shape) ?? edited;
}

function spliceOrRender(text: string, edits: readonly YamlEdit[]): string {
  const target = parseDocument(text, EDIT_PARSE_OPTIONS);
  for (const edit of edits) applyWithApi(target, edit);
  const expected = JSON.stringify(target.toJS());
  const splices = planSplices(text, edits);
  if (splices) {
    const spliced = applySplices(text, splices);
    const check = parseDocument(spliced, EDIT_PARSE_OPTIONS);
    if (check.errors.length === 0 && JSON.stringify(check.toJS()) === expected) return spliced;
  }
  return renderYaml(target, text);
}

function applyWithApi(doc: Document, edit: YamlEdit): void {
  if (edit.op === "delete") {
    doc.deleteIn(edit.path);
    return;
  }
  const node = doc.createNode(edit.value);
  if (edit.op === "set") doc.setIn(edit.path, node);
  else if (doc.hasIn(edit.path)) doc.addIn(edit.path, node);
  else doc.setIn(edit.path, doc.createNode([edit.value]));
}

/** Text splices that make each edit, or `undefined` when an edit cannot be made in place. */
function planSplices(text: string, edits: readonly YamlEdit[]): Splice[] | undefined {
  const doc = parseDocument(text, EDIT_PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const splices: Splice[] = [];
  for (const edit of edits) {
    const splice =
      edit.op === "set"
        ? spliceSet(text, doc, edit.path, edit.value)
        : edit.op === "append"
          ? spliceAppend(text, doc, edit.path, edit.value)
          : spliceDelete(text, doc, edit.path);
    if (!splice) return undefined;
    splices.push(splice);
  }
  const sorted = [...splices].sort((a, b) => a.at - b.at);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.at < sorted[i - 1]!.end) return undefined;
  return sorted;
}

function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].reverse()) out = out.slice(0, s.at) + s.text + out.slice(s.end);
  return out;
}

/** Replace a scalar in place, or add a missing top-level key at the end of the file's mapping. */
function spliceSet(
  text: string,
  doc: Document,
  path: readonly (string | number)[],
  value: unknown,
): Splice | undefined {
  const node = doc.getIn(path, true);
  if (isScalar(node) && node.range && (value === null || typeof value !== "object")) {
    const replacement = inlineScalar(value, node.type);
    if (replacement === undefined) return undefined;
    return { at: node.range[0], end: node.range[1], text: replacement };
  }
  if (node !== undefined || path.length !== 1 || !isMap(doc.contents) || !doc.contents.range) return undefined;
  const at = lineEndAfter(text, doc.contents.range[1]);
  const block = renderYaml(newDoc({ [String(path[0])]: value }));
  return { at, end: at, text: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + block };
}

/** Append an item to a block sequence, indented like its items. */
function spliceAppend(
  text: string,
  doc: Document,
  path: readonly (string | number)[],
  value: unknown,
): Splice | undefined {
  const seq = doc.getIn(path, true);
  if (seq === undefined && path.length === 1) return spliceSet(text, doc, path, [value]);
  if (!isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return undefined;
  const lineStart = text.lastIndexOf("\n", seq.range[0] - 1) + 1;
  const indent = text.slice(lineStart, seq.range[0]);
  if (!/^ *$/.test(indent)) return undefined;
  const at = lineEndAfter(text, seq.range[1]);
  const item = renderYaml(newDoc([value]))
    .split("\n")
    .map((line) => (line === "" ? line : indent + line))
    .join("\n");
  return { at, end: at, text: (at > 0 && text[at - 1] !== "\n" ? "\n" : "") + item };
}

/** Remove an item of a block sequence: its lines, from its `- ` to the end of its last line. */
function spliceDelete(text: string, doc: Document, path: readonly (string | number)[]): Splice | undefined {
  const index = path.at(-1);
  const seq = doc.getIn(path.slice(0, -1), true);
  if (typeof index !== "number" || !isSeq(seq) || seq.flow) return undefined;
  const item = seq.items[index] as { range?: [number, number, number] } | undefined;
  if (!item?.range) return undefined;
  const at = text.lastIndexOf("\n", item.range[0] - 1) + 1;
  // The item's last character, then the end of that line (a map item's range may end after its newline).
  const end = lineEndAfter(
    text,
    Math.max(item.range[0] + 1, item.range[1] - (text[item.range[1] - 1] === "\n" ? 1 : 0)),
  );
  return { at, end, text: "" };
}

/** The offset just after the end of the line holding `offset - 1` (or the end of the text). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const nl = text.indexOf("\n", offset);
  return nl === -1 ? text.length : nl + 1;
}

/** A scalar written on one line in the given style, or `undefined` when it needs more than one line. */
function inlineScalar(value: unknown, type: Scalar.Type | undefined): string | undefined {
  const node = value instanceof Scalar ? value : new Scalar(value);
  if (
    node.type === undefined &&
    (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE || type === Scalar.PLAIN)
  )
    node.type = type;
  const out = renderYaml(newDoc(node)).replace(/\n$/, "");
  return out.includes("\n") ? undefined : out;
}

function newDoc(value: unknown): Document {
  return new Document(value, { version: "1.2" });
}
