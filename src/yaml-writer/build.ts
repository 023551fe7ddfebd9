/**
 * New YAML files: `buildYaml` for a catalog file with comments (a header, then
 * fields in order, each with an optional comment above it, optional fields
 * left as commented-out examples), `dataYaml` for plain data (the scale
 * generator, imported hub entries). Both style the values the same way
 * (style.ts) and write through the one renderer.
 */
import { Document, isMap, isNode } from "yaml";
import { renderYaml } from "./render.js";
import { tidyNewDocument } from "./style.js";

/** One top-level field of a new file. */
export interface Field {
  key: string;
  /** The value; `undefined` leaves the field out (its `example`, if any, is written as a comment). */
  value: unknown;
  /** A comment written above the field (one or more lines, without `#`). */
  comment?: string;
  /** When the value is absent: commented-out example lines, e.g. `email: alice@example.com`. */
  example?: string;
  /** A blank line before the field. */
  blankBefore?: boolean;
}

/** The text of a new file: `header` comment lines, then `fields`. */
export function buildYaml(
  header: string | undefined,
  fields: readonly Field[],
  options: { modeline?: string } = {},
): string {
  const present = fields.filter((f) => f.value !== undefined);
  const doc = new Document(Object.fromEntries(present.map((f) => [f.key, f.value])), { version: "1.2" });
  const map = doc.contents;
  if (!isMap(map)) throw new Error("buildYaml: the contents of a new file must be a mapping");
  let pending: string[] = [];
  let index = 0;
  const top = [options.modeline, header].filter((s): s is string => s !== undefined).join("\n");
  for (const field of fields) {
    if (field.value === undefined) {
      if (field.example !== undefined) pending.push(...commentLines(field.comment), ...field.example.split("\n"));
      continue;
    }
    const pair = map.items[index++]!;
    const key = isNode(pair.key) ? pair.key : undefined;
    const lines = [...pending, ...commentLines(field.comment)];
    pending = [];
    if (key) {
      if (index === 1 && top) lines.unshift(...top.split("\n"));
      if (lines.length) key.commentBefore = lines.map((l) => (l === "" ? "" : ` ${l}`)).join("\n");
      if (field.blankBefore && index > 1) key.spaceBefore = true;
    }
  }
  if (pending.length) map.comment = pending.map((l) => ` ${l}`).join("\n");
  tidyNewDocument(doc);
  return renderYaml(doc);
}

/**
 * Plain data as a YAML file: block style in the data's key order, short lists
 * of names as flows, long prose folded, strings quoted where YAML could read
 * them as another type. `header`: comment lines on top; when its last line is
 * empty, a blank line separates it from the data.
 */
export function dataYaml(data: unknown, header: readonly string[] = []): string {
  const doc = new Document(data, { version: "1.2" });
  const apart = header.at(-1) === "";
  const lines = (apart ? header.slice(0, -1) : header).map((l) => (l === "" ? "" : ` ${l}`)).join("\n");
  if (lines !== "") {
    const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
    if (!apart && isNode(first)) first.commentBefore = lines;
    else doc.commentBefore = lines;
  }
  tidyNewDocument(doc);
  return renderYaml(doc);
}

function commentLines(comment: string | undefined): string[] {
  return comment === undefined ? [] : comment.split("\n");
}
