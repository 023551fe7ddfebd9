/** A few lines of source around a position, with a caret under the column. */

/** Options of `codeFrame`. */
export interface CodeFrameOptions {
  /** Lines shown before and after the line of the problem (default 1). */
  context?: number;
  /** Longest line shown; longer lines are cut around the column (default 160). */
  maxWidth?: number;
}

/** The code frame for `line`/`column` (1-based) in `text`, or "" when the line does not exist. */
export function codeFrame(text: string, line: number, column: number, options: CodeFrameOptions = {}): string {
  const context = options.context ?? 1;
  const maxWidth = options.maxWidth ?? 160;
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const gutter = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const { shown, shift } = clip(visible(lines[n - 1]!), n === line ? column : 1, maxWidth);
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(gutter)} | ${shown}`);
    if (n === line) out.push(`  ${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, column - 1 - shift))}^`);
  }
  return out.join("\n");
}

/** Make control, bidi and zero-width characters visible so terminal output never hides, reorders or injects text. */
export function visible(s: string): string {
  return s
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g,
      (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`,
    )
    .replace(/\t/g, " ");
}

function clip(s: string, column: number, width: number): { shown: string; shift: number } {
  if (s.length <= width) return { shown: s, shift: 0 };
  const start = Math.max(0, Math.min(column - 1 - Math.floor(width / 2), s.length - width));
  const shown = (start > 0 ? "…" : "") + s.slice(start, start + width) + (start + width < s.length ? "…" : "");
  return { shown, shift: start > 0 ? start - 1 : 0 };
}
