/**
 * The one place a YAML document becomes text. Every catalog file mlcat writes (`new`,
 * `promote`, `stage`, `org`, `import`, `init`, `fmt`, the scale generator)
 * comes out of `renderYaml`, so they all share one style (style.ts):
 *
 * - a value parsed from `source` keeps its spelling: `195.0` stays `195.0`,
 *   `0x1F`, `'quoted'` and `"\u00e9"` stay as written (single-line scalars);
 * - folded prose (`>-`) keeps its line breaks as written; new folded prose is
 *   wrapped at LINE_WIDTH;
 * - a new string YAML 1.1 or 1.2 could read as another type is double-quoted;
 * - a comment after the last value follows it directly, or after a blank
 *   line, as in `source` (a new document: directly).
 */
import { isPair, isSeq, Scalar, visit, type Document } from "yaml";
import { foldLines, LINE_WIDTH, OUTPUT_OPTIONS, quotesString } from "./style.js";

interface Protected {
  /** Replacement text of a single-line scalar. */
  text?: string;
  /** A folded block: its header (`>-`) and body lines without their indentation. */
  folded?: { header: string; lines: string[] } | { header: string; prose: string };
}

/** The text of `doc` in mlcat's style, ending with one newline. `source`: the text `doc` was parsed from. */
export function renderYaml(doc: Document, source?: string): string {
  const prefix = tokenPrefix(source ?? "");
  const kept = new Map<string, Protected>();
  const token = (p: Protected): Scalar => {
    const t = `${prefix}${kept.size}x`;
    kept.set(t, p);
    return new Scalar(t);
  };
  if (doc.contents instanceof Scalar) quoteNew(doc.contents);
  visit(doc, {
    Scalar(key, node, path) {
      if (key === "key") return undefined;
      const parent = path.at(-1);
      const replaced = protect(node, source, isPair(parent) || isSeq(parent), isPair(parent), token);
      if (!replaced) return undefined;
      replaced.comment = node.comment;
      replaced.commentBefore = node.commentBefore;
      replaced.spaceBefore = node.spaceBefore;
      return replaced;
    },
  });
  const trailing = trailingComment(doc, source);
  if (trailing) doc.comment = null;
  let out = doc.toString(OUTPUT_OPTIONS);
  if (trailing) {
    out = out.replace(/\n*$/, "\n");
    out += `${trailing.blankBefore ? "\n" : ""}${trailing.comment.replace(/^(?!$)(?: $)?/gm, "#")}\n`;
  }
  return restore(out, prefix, kept).replace(/\n*$/, "\n");
}

/** The placeholder for a scalar whose text the writer sets itself, or `undefined` to let the library write it. */
function protect(
  node: Scalar,
  source: string | undefined,
  inCollection: boolean,
  isPairValue: boolean,
  token: (p: Protected) => Scalar,
): Scalar | undefined {
  if (!inCollection || node.tag !== undefined || node.anchor !== undefined) return undefined;
  if (node.range && source !== undefined) {
    const written = source.slice(node.range[0], node.range[1]);
    if (node.type === Scalar.BLOCK_FOLDED) return isPairValue ? protectFolded(written, token) : undefined;
    if (node.type === Scalar.BLOCK_LITERAL || written.includes("\n") || written === "") return undefined;
    return token({ text: written });
  }
  if (node.type === Scalar.BLOCK_FOLDED && isPairValue && typeof node.value === "string")
    return token({ folded: { header: ">-", prose: node.value } });
  quoteNew(node);
  return undefined;
}

/** A new string YAML could read as another type gets double quotes. */
function quoteNew(node: Scalar): void {
  if (node.range || typeof node.value !== "string") return;
  if ((node.type === undefined || node.type === Scalar.PLAIN) && quotesString(node.value))
    node.type = Scalar.QUOTE_DOUBLE;
}

/** A parsed folded block, kept line for line. */
function protectFolded(written: string, token: (p: Protected) => Scalar): Scalar | undefined {
  const [header, ...body] = written.split("\n");
  if (header === undefined || !/^>[-+]?$/.test(header.trim())) return undefined;
  while (body.length && body[body.length - 1]!.trim() === "") body.pop();
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  if (!body.length || !Number.isFinite(indent)) return undefined;
  return token({ folded: { header: header.trim(), lines: body.map((l) => l.slice(Math.min(indent, l.length))) } });
}

/** Put the protected text back: single-line scalars where their token is, folded blocks under their key. */
function restore(out: string, prefix: string, kept: Map<string, Protected>): string {
  if (kept.size === 0) return out;
  const tokens = new RegExp(`${prefix}\\d+x`, "g");
  return out
    .split("\n")
    .map((line) => {
      const m = new RegExp(`^( *)((?:- )*)(.*): (${prefix}\\d+x)$`).exec(line);
      const block = m ? kept.get(m[4]!)?.folded : undefined;
      if (m && block) {
        const pad = " ".repeat(m[1]!.length + m[2]!.length + 2);
        const lines = "lines" in block ? block.lines : foldLines(block.prose, Math.max(20, LINE_WIDTH - pad.length));
        return [`${m[1]}${m[2]}${m[3]}: ${block.header}`, ...lines.map((l) => (l === "" ? "" : pad + l))].join("\n");
      }
      return line.replace(tokens, (t) => kept.get(t)?.text ?? t);
    })
    .join("\n");
}

/** A prefix for placeholders that occurs nowhere in `source`. */
function tokenPrefix(source: string): string {
  let prefix = "mlcatkept";
  while (source.includes(prefix)) prefix += "q";
  return prefix;
}

/**
 * The comment after the document's last value, which the library would write
 * after a blank line: whether `source` has one there decides (none in a new document).
 */
function trailingComment(
  doc: Document,
  source: string | undefined,
): { comment: string; blankBefore: boolean } | undefined {
  const comment = doc.comment;
  if (!comment || doc.directives?.docEnd) return undefined;
  if (source === undefined) return { comment, blankBefore: false };
  // Walk back over the comment's lines (blank ones between them included) to the line before it.
  const lines = source.replace(/\s+$/, "").split("\n");
  let need = comment.split("\n").filter((l) => l !== "").length;
  let i = lines.length;
  while (i > 0 && need > 0) {
    i--;
    if (lines[i]!.trimStart().startsWith("#")) need--;
  }
  const blankBefore = i > 0 && lines[i - 1]!.trim() === "";
  return { comment, blankBefore };
}
