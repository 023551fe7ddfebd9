/**
 * The second pass: a composed document to plain JSON data, with our own walk
 * instead of `doc.toJS()`, so that keys are checked (duplicates after coercion
 * to a string, `__proto__` and friends, keys that are not scalars) and aliases
 * are never expanded. Zero-width characters in keys and identifier-like values
 * are reported here, from the offsets the text scan found.
 */
import { isAlias, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { reportTooDeep } from "./cst-scan.js";
import type { FileReport } from "./file-report.js";
import {
  describeChar,
  escapeInvisible,
  firstInvisible,
  firstOffsetIn,
  isBidi,
  type InvisibleScan,
} from "./invisible.js";

/** Keys that could change how plain objects behave in JavaScript. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Keys whose values (and the items of those values) name people, groups or things: identifiers. */
export const IDENTIFIER_KEYS: ReadonlySet<string> = new Set([
  "name",
  "user",
  "owner",
  "team",
  "project",
  "experiment",
  "component",
  "tag",
  "to",
  "maintainers",
  "members",
  "connections",
  "admins",
]);

/** A string shorter than this with no whitespace counts as identifier-like wherever it is. */
const MAX_IDENTIFIER_LENGTH = 254;
/** Whitespace (unlike `\s`, without U+FEFF, which is one of the characters looked for). */
const WHITESPACE = /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;

const INVISIBLE_HINT = "delete the invisible character (retype the text if your editor does not show it)";
const DUPLICATE_HINT = "remove one of the two keys or rename it";

/** What the walk needs besides the node. */
export interface WalkOptions {
  text: string;
  report: FileReport;
  invisible: InvisibleScan;
  maxDepth: number;
}

/** Convert `node` to plain data, reporting key problems and invisible characters into `options.report`. */
export function convertNode(node: unknown, options: WalkOptions): unknown {
  return new Walker(options).convert(node, 0, false);
}

class Walker {
  constructor(private readonly o: WalkOptions) {}

  convert(node: unknown, depth: number, identifier: boolean): unknown {
    if (isScalar(node)) {
      this.checkScalar(node, "value", identifier);
      return node.value;
    }
    if (isMap(node) || isSeq(node)) {
      // Deeper than the token scan saw only through `[k: v]` pairs, which compose to mappings.
      if (depth + 1 > this.o.maxDepth) {
        reportTooDeep(this.o.report, start(node), this.o.maxDepth);
        return null;
      }
      return isMap(node) ? this.convertMap(node, depth + 1) : this.convertSeq(node, depth + 1, identifier);
    }
    // Aliases were reported by the token scan and are never resolved.
    return null;
  }

  private convertSeq(seq: YAMLSeq, depth: number, identifier: boolean): unknown[] {
    return seq.items.map((item) => this.convert(item, depth, identifier));
  }

  private convertMap(map: YAMLMap, depth: number): Record<string, unknown> {
    return this.convertPairs(map.items as Pair[], start(map), depth);
  }

  private convertPairs(pairs: readonly Pair[], mapStart: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Scalar>();
    for (const pair of pairs) {
      const name = this.keyName(pair, mapStart, seen);
      const value = this.convert(pair.value, depth, name !== undefined && IDENTIFIER_KEYS.has(name));
      if (name !== undefined) out[name] = value;
    }
    return out;
  }

  /** The key's name as a plain-object key, or undefined when the entry must be left out. */
  private keyName(pair: Pair, mapStart: number, seen: Map<string, Scalar>): string | undefined {
    const key = pair.key;
    const { report } = this.o;
    if (isAlias(key)) return undefined;
    if (isMap(key) || isSeq(key)) {
      const what = isMap(key) ? "a mapping" : "a sequence";
      report.atOffset(
        start(key),
        "yaml/complex-key",
        `a key must be a string, not ${what}`,
        "write the key as a plain string",
      );
      return undefined;
    }
    if (!isScalar(key) || key.value === null) {
      const offset = isScalar(key) ? start(key) : pair.value ? start(pair.value) : mapStart;
      report.atOffset(
        offset,
        "yaml/complex-key",
        "a key must be a string, not null",
        'write a key before the colon, or quote it ("null") if you mean the word',
      );
      if (!isScalar(key)) return undefined;
    }
    this.checkScalar(key, "key", true);
    const name = String(key.value);
    const first = seen.get(name);
    if (first) {
      const line = report.lineOf(start(first));
      const here = this.sourceOf(key);
      const there = this.sourceOf(first);
      const message =
        here === there
          ? `key "${escapeInvisible(name)}" appears twice in this mapping (first on line ${line})`
          : `key ${here} appears twice in this mapping: it reads the same as ${there} on line ${line} (both become "${name}")`;
      report.atOffset(start(key), "yaml/duplicate-key", message, DUPLICATE_HINT);
      return undefined;
    }
    seen.set(name, key);
    if (FORBIDDEN_KEYS.has(name)) {
      report.atOffset(
        start(key),
        "yaml/forbidden-key",
        `key "${name}" is not allowed`,
        "rename the key: __proto__, constructor and prototype are refused because they can change how the data behaves in JavaScript",
      );
      return undefined;
    }
    return key.value === null ? undefined : name;
  }

  /** Report invisible characters of a string scalar: zero-width ones only in identifiers, escaped ones too. */
  private checkScalar(node: Scalar, role: "key" | "value", identifier: boolean): void {
    const value = node.value;
    if (typeof value !== "string") return;
    const { invisible, report, text } = this.o;
    const [from, to] = [node.range?.[0] ?? 0, node.range?.[1] ?? 0];
    const ident = identifier || (value.length < MAX_IDENTIFIER_LENGTH && !WHITESPACE.test(value));
    if (ident && invisible.zeroWidth.length > 0) {
      const at = firstOffsetIn(invisible.zeroWidth, from, to);
      if (at !== undefined) {
        const ch = text[at] ?? "";
        report.atOffset(
          at,
          "yaml/invisible-character",
          `${role} "${escapeInvisible(value)}" holds ${describeChar(ch)}, an invisible character`,
          INVISIBLE_HINT,
        );
        return;
      }
    }
    // Escapes ("\u202E") put characters in the value that the text scan cannot see.
    if (node.type !== "QUOTE_DOUBLE") return;
    const ch = firstInvisible(value);
    if (ch === undefined || (!ident && !isBidi(ch))) return;
    if (
      firstOffsetIn(invisible.bidi, from, to) !== undefined ||
      firstOffsetIn(invisible.zeroWidth, from, to) !== undefined
    )
      return;
    report.atOffset(
      from,
      "yaml/invisible-character",
      `${role} "${escapeInvisible(value)}" holds an escaped ${describeChar(ch)}, an invisible character`,
      "remove the escape sequence",
    );
  }

  /** A key as written, for messages. */
  private sourceOf(node: Scalar): string {
    const [from, to] = [node.range?.[0] ?? 0, node.range?.[1] ?? 0];
    const s = this.o.text.slice(from, to).trim();
    return escapeInvisible(s.length > 60 ? `${s.slice(0, 60)}...` : s);
  }
}

function start(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}
