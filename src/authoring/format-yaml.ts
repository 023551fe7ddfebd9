/**
 * Canonical formatting of one catalog file: keys in canonical order (see
 * key-order.ts), two-space indentation, sequences indented under their key,
 * `[a, b]` flows. Comments move with the keys they sit above; a file's leading
 * comment stays at the top; blank lines, quoting, and the line breaks of
 * folded prose (`>-`) stay as written. The result must parse to the same data,
 * or the file is left alone.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import type { Shape } from "./key-order.js";
import { EDIT_PARSE_OPTIONS, OUTPUT_OPTIONS } from "./yaml-style.js";

/** The formatted text, or `undefined` when the text does not parse (validate reports why) or cannot be formatted safely. */
export function formatYamlText(text: string, shape: Shape): string | undefined {
  const doc = parseDocument(text, EDIT_PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const before = canonicalJson(doc.toJS());
  orderNode(doc.contents, shape, true);
  const blocks = protectFoldedText(doc, text);
  let out = doc.toString({ ...OUTPUT_OPTIONS, lineWidth: 0 });
  out = restoreFoldedText(out, blocks).replace(/\n*$/, "\n");
  const check = parseDocument(out, EDIT_PARSE_OPTIONS);
  if (check.errors.length > 0 || canonicalJson(check.toJS()) !== before) return undefined;
  return out;
}

function orderNode(node: unknown, shape: Shape | undefined, top: boolean): void {
  if (!shape) return;
  if (isMap(node)) {
    if (shape.keys) orderPairs(node as YAMLMap<unknown, unknown>, shape.keys, top);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) orderNode(pair.value, shape.fields?.[key], false);
    }
  } else if (isSeq(node) && shape.items) {
    for (const item of node.items) orderNode(item, shape.items, false);
  }
}

/** Sort a mapping's pairs by `keys` (unknown keys after, in their order). At the top, the file's leading comment stays first. */
function orderPairs(map: YAMLMap<unknown, unknown>, keys: readonly string[], top: boolean): void {
  const rank = (pair: Pair<unknown, unknown>): number => {
    const i = isScalar(pair.key) ? keys.indexOf(String(pair.key.value)) : -1;
    return i === -1 ? keys.length : i;
  };
  const items = map.items.filter(isPair);
  if (items.length !== map.items.length) return;
  const sorted = items
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index);
  const oldFirst = items[0];
  const newFirst = sorted[0]?.pair;
  if (oldFirst && newFirst && oldFirst !== newFirst) {
    // A blank line belongs to the place (after the header), not to the key.
    const [a, b] = [oldFirst.key as Node, newFirst.key as Node];
    [a.spaceBefore, b.spaceBefore] = [b.spaceBefore, a.spaceBefore];
    if (top) moveLeadingComment(oldFirst.key as Node, newFirst.key as Node);
    else if (map.commentBefore) {
      // Inside a mapping, the comment above the first key is about that key: it moves with it.
      const key = oldFirst.key as Node;
      key.commentBefore = key.commentBefore ? `${map.commentBefore}\n${key.commentBefore}` : map.commentBefore;
      map.commentBefore = undefined;
    }
  }
  map.items = sorted.map((s) => s.pair);
}

/** The file's leading comment goes to the key that becomes first; after a blank line, its last paragraph stays with its key. */
function moveLeadingComment(from: Node, to: Node): void {
  const header = from.commentBefore;
  if (!header) return;
  const split = header.lastIndexOf("\n\n");
  const keep = split === -1 ? header : header.slice(0, split);
  from.commentBefore = split === -1 ? undefined : header.slice(split + 2);
  to.commentBefore = to.commentBefore ? `${keep}\n\n${to.commentBefore}` : keep;
}

interface FoldedBlock {
  header: string;
  /** Body lines without their common indentation. */
  lines: string[];
}

/** Replace each folded mapping value by a placeholder, remembering its lines as written. */
function protectFoldedText(doc: Document, text: string): Map<string, FoldedBlock> {
  const blocks = new Map<string, FoldedBlock>();
  let n = 0;
  visit(doc, {
    Pair(_key, pair) {
      const node = pair.value;
      if (!isScalar(node) || node.type !== Scalar.BLOCK_FOLDED || !node.range) return;
      const [header, ...body] = text.slice(node.range[0], node.range[1]).split("\n");
      if (header === undefined || !/^>[-+]?$/.test(header.trim())) return;
      while (body.length && body[body.length - 1]!.trim() === "") body.pop();
      const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
      if (!body.length || !Number.isFinite(indent)) return;
      let token: string;
      do token = `mlcatfoldedtext${n++}x`;
      while (text.includes(token));
      blocks.set(token, { header: header.trim(), lines: body.map((l) => l.slice(Math.min(indent, l.length))) });
      pair.value = new Scalar(token);
    },
  });
  return blocks;
}

/** Put the remembered folded text back, indented under its key. */
function restoreFoldedText(out: string, blocks: Map<string, FoldedBlock>): string {
  return out
    .split("\n")
    .map((line) => {
      const m = /^( *)((?:- )*)(.*): (mlcatfoldedtext\d+x)$/.exec(line);
      const block = m && blocks.get(m[4]!);
      if (!m || !block) return line;
      const pad = " ".repeat(m[1]!.length + m[2]!.length + 2);
      return [`${m[1]}${m[2]}${m[3]}: ${block.header}`, ...block.lines.map((l) => (l === "" ? "" : pad + l))].join(
        "\n",
      );
    })
    .join("\n");
}

/** JSON with object keys sorted: equal for the same data in any key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
