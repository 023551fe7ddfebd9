/**
 * Source positions of values: from a path into the parsed data (as ajv's
 * instancePath or a checker gives it) to a 1-based line and column.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { Position } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/entity.js";

/** A path into parsed data: keys of mappings and indexes of sequences. */
export type ValuePath = ReadonlyArray<string | number>;

/** Which part of a mapping entry to point at. */
export type PositionTarget = "value" | "key";

/** The 1-based position of a byte offset in a source file. */
export function positionOfOffset(source: Pick<SourceFile, "lineCounter">, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** Parse a JSON Pointer (`/inputs/0/name`) into a value path. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * The position of the value at `path` (or of its key, with `target: "key"`).
 * When the path does not exist (a missing property), the deepest existing
 * ancestor's position is returned, so a diagnostic still points somewhere useful.
 */
export function positionOf(source: SourceFile, path: ValuePath, target: PositionTarget = "value"): Position {
  let node: unknown = source.doc.contents;
  let best: number = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      if (last && target === "key") {
        best = rangeStart(pair.key) ?? best;
        break;
      }
      node = pair.value;
      best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
    } else if (isSeq(node)) {
      const idx = typeof seg === "number" ? seg : Number(seg);
      const item = Number.isInteger(idx) ? node.items[idx] : undefined;
      if (item === undefined) break;
      node = item;
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return positionOfOffset(source, best);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
