/**
 * Path globs as catalog.yaml writes them (`orgs/polyaxon/**`), strict: a glob
 * that could be read two ways is refused with a reason rather than guessed.
 * Paths are relative to the catalog folder, `/`-separated. `*` matches within
 * one path segment, `?` one character of it, `**` (a whole segment) any number
 * of segments, `{a,b}` one of the alternatives, `[abc]`, `[a-z]` and `[!a]` one
 * character. Matching is case-sensitive, as catalog paths are.
 */

/** A glob compiled, or why it cannot be. */
export type GlobResult = { ok: true; test: (path: string) => boolean } | { ok: false; reason: string };

/** Compile `glob`, or say what is wrong with it. */
export function compileGlob(glob: string): GlobResult {
  if (glob === "") return { ok: false, reason: "it is empty" };
  if (glob.includes("\\")) return { ok: false, reason: "it holds a backslash: paths use `/`" };
  if (glob.startsWith("/"))
    return { ok: false, reason: "it starts with `/`: globs are relative to the catalog folder (`orgs/acme/**`)" };
  const segments = glob.split("/");
  const parts: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment === "") return { ok: false, reason: "it has an empty path segment (`//` or a trailing `/`)" };
    if (segment === "." || segment === "..")
      return { ok: false, reason: `it has a \`${segment}\` segment: write the path from the catalog folder` };
    const last = i === segments.length - 1;
    if (segment === "**") {
      // Any number of whole segments, none included: `a/**/b` matches `a/b`, `a/**` everything under `a`.
      parts.push(last ? "(?:[^/]+(?:/[^/]+)*)?" : "(?:[^/]+/)*");
      continue;
    }
    if (segment.includes("**"))
      return { ok: false, reason: `\`**\` must be a whole path segment (\`${segment}\`): use \`*\` within a segment` };
    const compiled = compileSegment(segment);
    if (typeof compiled !== "string") return { ok: false, reason: compiled.reason };
    parts.push(last ? compiled : `${compiled}/`);
  }
  const re = new RegExp(`^${parts.join("")}$`, "u");
  return { ok: true, test: (path) => re.test(path) };
}

/** One segment (no `/`, no `**`) as a regular expression source, or why it cannot be. */
function compileSegment(segment: string): string | { reason: string } {
  let out = "";
  let inBraces = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) return { reason: "a `[` has no closing `]`" };
      let body = segment.slice(i + 1, end);
      const negated = body.startsWith("!");
      if (negated) body = body.slice(1);
      if (body === "") return { reason: "a character class `[]` is empty" };
      if (/[[\\^]/.test(body)) return { reason: "a character class holds `[`, `\\` or `^`: list the characters" };
      out += `[${negated ? "^/" : ""}${body}]`;
      i = end;
    } else if (c === "]") return { reason: "a `]` has no opening `[`" };
    else if (c === "{") {
      if (inBraces) return { reason: "`{` inside `{...}`: alternatives do not nest" };
      inBraces = true;
      out += "(?:";
    } else if (c === "}") {
      if (!inBraces) return { reason: "a `}` has no opening `{`" };
      inBraces = false;
      out += ")";
    } else if (c === ",") out += inBraces ? "|" : ",";
    else out += c.replace(/[.+^$()|]/g, "\\$&");
  }
  if (inBraces) return { reason: "a `{` has no closing `}`" };
  return out;
}
