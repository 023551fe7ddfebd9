/**
 * Canonical formatting of one catalog file (`mlcat fmt`): keys in canonical
 * order (the kind's Shape, authoring/key-order.ts), then the one renderer
 * (render.ts): two-space indentation, sequences indented under their key,
 * `[a, b]` flows. Comments move with the keys they sit above; a file's leading
 * comment stays at the top; blank lines, the spelling of values (`195.0`,
 * quotes) and the line breaks of folded prose (`>-`) stay as written. The
 * result must parse to the same data, or the file is left alone.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { renderYaml } from "./render.js";
import type { Shape } from "./shape.js";
import { EDIT_PARSE_OPTIONS } from "./style.js";

/** The formatted text, or `undefined` when the text does not parse (validate reports why) or cannot be formatted safely. */
export function formatYamlText(text: string, shape: Shape): string | undefined {
  const doc = parseDocument(text, EDIT_PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const before = canonicalJson(doc.toJS());
  orderNode(doc.contents, shape, true);
  const out = renderYaml(doc, text);
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
