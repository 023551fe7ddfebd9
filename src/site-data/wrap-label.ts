/** Break a label into short lines for a drawing that cannot wrap text itself (SVG). */

/** Pieces ending after a separator that parts names (`/`, `:`, `@`, a space): a label breaks there first. */
const STRONG = /[^/:@ ]*[/:@ ]*/g;
/** Pieces ending after a separator inside a name (`-`, `_`, `.`, `,`, `=`): for a piece longer than a line. */
const WEAK = /[^\-_.,=]*[\-_.,=]*/g;

/** Pieces ending after any separator, strong or weak. */
const ANY = /[^/:@ \-_.,=]*[/:@ \-_.,=]*/g;

/**
 * `text` cut into pieces: after strong separators, and after weak ones in a
 * piece longer than `width`; with `loose`, after any separator alike.
 */
function pieces(text: string, width: number, loose: boolean): string[] {
  if (loose) return text.match(ANY) ?? [];
  return (text.match(STRONG) ?? []).flatMap((p) => (p.trimEnd().length > width ? (p.match(WEAK) ?? []) : [p]));
}

/**
 * `text` as at most `maxLines` lines of at most `width` characters, broken
 * after `/`, `:`, `@` or a space where it can, then after `-`, `_`, `.`, `,`
 * or `=`, and mid-word only for a part longer than a line; `loose` breaks
 * after any of them alike, filling each line (for secondary text such as a
 * URI). When it needs more lines, the last one kept ends with an ellipsis.
 */
export function wrapLabel(text: string, width: number, maxLines: number, loose = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces(text, width, loose)) {
    let rest = piece;
    while (rest) {
      if (line.length + rest.trimEnd().length <= width) {
        line += rest;
        break;
      }
      if (line) {
        lines.push(line.trimEnd());
        line = "";
        rest = rest.trimStart();
        continue;
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}
