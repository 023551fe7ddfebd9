/**
 * Polyaxon's `{{ ... }}` templates (Jinja expressions): find them in a string
 * and list the free variables each one reads, with their offsets, so a check
 * can tell which names a spec must declare.
 */

/** A name a template reads from its context. */
export interface TemplateReference {
  /** The identifier, e.g. `image`, `globals`, or for `params.<io>` the IO name. */
  name: string;
  /** Offset of the identifier within the whole string. */
  offset: number;
  /** `free` for a top-level variable; `params` for the `<io>` of `params.<io>` (or `params['<io>']`). */
  via: "free" | "params";
}

/** One `{{ ... }}` template in a string. */
export interface Template {
  /** The expression between the braces. */
  expression: string;
  /** Offset of the expression (just after `{{`) within the string. */
  offset: number;
}

/** Jinja keywords and literals: never variables. */
const KEYWORDS = new Set(["if", "else", "elif", "or", "and", "not", "in", "is", "None", "True", "False", "none", "true", "false"]);

/** Every `{{ ... }}` template in `text`, in order. An unclosed `{{` is not a template. */
export function findTemplates(text: string): Template[] {
  const out: Template[] = [];
  const re = /\{\{([\s\S]*?)\}\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ expression: m[1]!, offset: m.index + 2 });
  return out;
}

type TokenType = "name" | "string" | "number" | "op";

interface Token {
  type: TokenType;
  text: string;
  /** Offset within the tokenized expression. */
  offset: number;
  /** For strings: the literal's value. */
  value?: string;
}

const OPS = ["**", "//", "==", "!=", "<=", ">="];

/** Split a Jinja expression into tokens; characters it does not know become single-character operators. */
export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression.slice(i));
    if (name) {
      tokens.push({ type: "name", text: name[0], offset: i });
      i += name[0].length;
      continue;
    }
    const num = /^\d[\d_]*(\.\d+)?([eE][+-]?\d+)?/.exec(expression.slice(i));
    if (num) {
      tokens.push({ type: "number", text: num[0], offset: i });
      i += num[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = "";
      while (j < expression.length && expression[j] !== c) {
        if (expression[j] === "\\" && j + 1 < expression.length) j++;
        value += expression[j];
        j++;
      }
      tokens.push({ type: "string", text: expression.slice(i, j + 1), offset: i, value });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => expression.startsWith(o, i)) ?? c;
    tokens.push({ type: "op", text: op, offset: i });
    i += op.length;
  }
  return tokens;
}

/**
 * The names a Jinja expression reads from its context: identifiers that are
 * not attribute names (after `.`), filter or test names (after `|`, `is`),
 * keyword-argument names (before `=`), keywords or literals. For `params.<io>`
 * (and `params['<io>']`) the `<io>` is listed too, with `via: "params"`.
 * Offsets are relative to the expression.
 */
export function freeVariables(expression: string): TemplateReference[] {
  const tokens = tokenize(expression);
  const refs: TemplateReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "name" || KEYWORDS.has(t.text)) continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    if (prev?.type === "op" && (prev.text === "." || prev.text === "|")) continue;
    if (prev?.text === "is" || (prev?.text === "not" && prev2?.text === "is")) continue;
    if (next?.type === "op" && next.text === "=") continue;
    refs.push({ name: t.text, offset: t.offset, via: "free" });
    if (t.text === "params") {
      const after = tokens[i + 2];
      if (next?.text === "." && after?.type === "name") refs.push({ name: after.text, offset: after.offset, via: "params" });
      else if (next?.text === "[" && after?.type === "string" && tokens[i + 3]?.text === "]")
        refs.push({ name: after.value!, offset: after.offset + 1, via: "params" });
    }
  }
  return refs;
}

/** Every reference made by the templates of `text`, with offsets within `text`. */
export function templateReferences(text: string): TemplateReference[] {
  return findTemplates(text).flatMap((t) => freeVariables(t.expression).map((r) => ({ ...r, offset: r.offset + t.offset })));
}
