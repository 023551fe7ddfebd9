/**
 * Read a Polyaxon template string the way Jinja does: parse its `{{ }}` and
 * `{% %}` with nunjucks' parser (Jinja's syntax) and list what it reads from
 * its context. Loop, `set` and macro variables are bound where Jinja binds
 * them; filter and test names, keyword-argument names and literals are not
 * reads. Each read carries the chain of constant keys after it
 * (`params.lr.as_arg` reads `params` with keys `lr`, `as_arg`). `{{ a-b }}`
 * (a minus b, as Jinja reads it) is listed as a subtraction of two names, so
 * a check can tell the user meant `a_b`.
 */
import { parse, type NunjucksNode } from "nunjucks/src/parser.js";

/** A constant key read after a name (`.lr` or `['lr']`), with its offset in the string. */
export interface TemplateKey {
  key: string;
  offset: number;
}

/** A name the template reads from its context. */
export interface TemplateRead {
  name: string;
  /** Offset of the name in the string. */
  offset: number;
  /** Constant keys read after it, in order, up to the first computed one. */
  keys: TemplateKey[];
}

/** `{{ a-b }}`: two names subtracted, as Jinja reads a hyphenated name. */
export interface TemplateSubtraction {
  left: TemplateRead;
  right: TemplateRead;
}

/** What a template string reads, or why Jinja cannot parse it. */
export type TemplateAnalysis =
  { ok: true; reads: TemplateRead[]; subtractions: TemplateSubtraction[] } | { ok: false; error: string };

/** Literal spellings Jinja gives no variable. */
const LITERALS = new Set(["None", "none", "True", "true", "False", "false"]);

/** Whether Polyaxon renders `text` as a template (`render_template` in `cli/polyaxon/_polyaxonfile/specs/libs/engine.py`). */
export function isTemplate(text: string): boolean {
  return text.includes("{{") || text.includes("{%");
}

/** Parse `text` and list its reads; `ok: false` when Jinja would refuse it. */
export function analyzeTemplate(text: string): TemplateAnalysis {
  let root: NunjucksNode;
  try {
    root = parse(text);
  } catch (err) {
    return {
      ok: false,
      error: String((err as Error).message ?? err)
        .replace(/^\(unknown path\)\s*/, "")
        .split("\n")[0]!
        .trim(),
    };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offsetOf = (node: NunjucksNode) => (lineStarts[node.lineno] ?? 0) + node.colno;
  const reads: TemplateRead[] = [];
  const subtractions: TemplateSubtraction[] = [];

  /** The read a `Symbol` or `LookupVal` chain makes (constant keys up to the first computed one), or undefined for anything else. */
  const chain = (node: NunjucksNode): TemplateRead | undefined => {
    const vals: NunjucksNode[] = [];
    let n = node;
    while (n.typename === "LookupVal") {
      vals.unshift(n.val as NunjucksNode);
      n = n.target as NunjucksNode;
    }
    if (n.typename !== "Symbol" || typeof n.value !== "string") return undefined;
    const read: TemplateRead = { name: n.value, offset: offsetOf(n), keys: [] };
    for (const val of vals) {
      if (!(val.typename === "Literal" && typeof val.value === "string")) break;
      // A literal key's column is its first character for `.key`, its quote for `['key']`.
      const at = offsetOf(val);
      const quoted = text[at] === "'" || text[at] === '"';
      read.keys.push({ key: val.value, offset: at + (quoted ? 1 : 0) });
    }
    return read;
  };

  const record = (read: TemplateRead, bound: ReadonlySet<string>) => {
    if (!bound.has(read.name) && !LITERALS.has(read.name)) reads.push(read);
  };

  const visit = (node: unknown, bound: Set<string>): void => {
    if (!isNode(node)) return;
    switch (node.typename) {
      case "Symbol":
      case "LookupVal": {
        const read = chain(node);
        if (read) {
          record(read, bound);
          // Computed keys (`a[b]`) read names of their own.
          visitComputedKeys(node, bound);
        } else {
          visit(node.target, bound);
          visit(node.val, bound);
        }
        return;
      }
      case "Filter":
      case "FilterAsync":
        visit(node.args, bound);
        return;
      case "Is":
        visit(node.left, bound);
        return;
      case "KeywordArgs":
        for (const pair of children(node)) visit(pair.value, bound);
        return;
      case "Sub": {
        const left = node.left as NunjucksNode;
        const right = node.right as NunjucksNode;
        if (
          left.typename === "Symbol" &&
          right.typename === "Symbol" &&
          !bound.has(String(left.value)) &&
          !bound.has(String(right.value))
        ) {
          const l = chain(left)!;
          const r = chain(right)!;
          const between = text.slice(l.offset + l.name.length, r.offset);
          if (/^\s*-\s*$/.test(between)) subtractions.push({ left: l, right: r });
        }
        visit(left, bound);
        visit(right, bound);
        return;
      }
      case "For":
      case "AsyncEach":
      case "AsyncAll": {
        visit(node.arr, bound);
        const inner = new Set(bound);
        inner.add("loop");
        for (const sym of symbolsOf(node.name as NunjucksNode)) inner.add(sym);
        visit(node.body, inner);
        visit(node.else_, bound);
        return;
      }
      case "Set": {
        visit(node.value, bound);
        visit(node.body, bound);
        for (const target of (node.targets as NunjucksNode[]) ?? []) {
          if (target.typename === "Symbol") bound.add(String(target.value));
          else visit(target, bound);
        }
        return;
      }
      case "Macro":
      case "Caller": {
        const inner = new Set(bound);
        inner.add("caller");
        for (const arg of children(node.args as NunjucksNode)) {
          if (arg.typename === "Symbol") inner.add(String(arg.value));
          else if (arg.typename === "KeywordArgs")
            for (const pair of children(arg)) {
              inner.add(String((pair.key as NunjucksNode).value));
              visit(pair.value, bound);
            }
        }
        visit(node.body, inner);
        if (node.typename === "Macro") bound.add(String((node.name as NunjucksNode).value));
        return;
      }
      default:
        for (const field of node.fields) {
          const child = node[field];
          if (Array.isArray(child)) for (const c of child) visit(c, bound);
          else visit(child, bound);
        }
    }
  };

  /** Visit the computed (non-literal) keys of a lookup chain. */
  const visitComputedKeys = (node: NunjucksNode, bound: Set<string>) => {
    for (let n: NunjucksNode = node; n.typename === "LookupVal"; n = n.target as NunjucksNode) {
      const val = n.val as NunjucksNode;
      if (!(val.typename === "Literal" && typeof val.value === "string")) visit(val, bound);
    }
  };

  visit(root, new Set());
  return { ok: true, reads, subtractions };
}

function isNode(value: unknown): value is NunjucksNode {
  return value !== null && typeof value === "object" && typeof (value as NunjucksNode).typename === "string";
}

function children(node: NunjucksNode | undefined): NunjucksNode[] {
  return node && Array.isArray(node.children) ? (node.children as NunjucksNode[]) : [];
}

function symbolsOf(node: NunjucksNode): string[] {
  if (node.typename === "Symbol") return [String(node.value)];
  return children(node).flatMap(symbolsOf);
}
