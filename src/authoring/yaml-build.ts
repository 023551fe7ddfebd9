/**
 * Build a new catalog file as a YAML document with comments: a header, then
 * fields in order, each with an optional comment above it, and optional
 * fields left as commented-out examples.
 */
import { Document, isMap, isNode } from "yaml";
import { stringifyDocument, tidyNewDocument } from "./yaml-style.js";

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
  return stringifyDocument(doc).replace(/\n+$/, "\n");
}

function commentLines(comment: string | undefined): string[] {
  return comment === undefined ? [] : comment.split("\n");
}
