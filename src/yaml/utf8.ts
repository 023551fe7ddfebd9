/** Strict UTF-8 decoding with the position of the first bad byte. */
import type { Position } from "../diagnostics/diagnostic.js";
import { utf16ByBom } from "../text/file-text.js";

/** The decoded text, or where decoding failed. */
export type DecodeResult = { ok: true; text: string } | { ok: false; offset: number; position: Position };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decode `bytes` as UTF-8 (a leading BOM is dropped); on failure, the offset, line and column of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    return { ok: false, offset, position: positionOfByte(bytes, offset) };
  }
}

function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = c === 0xe0 ? 0xa0 : 0x80;
    } else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      if (k === 1 && min && cc < min) return i;
      if (k === 1 && c === 0xed && cc > 0x9f) return i; // surrogates
      if (k === 1 && c === 0xf0 && cc < 0x90) return i;
      if (k === 1 && c === 0xf4 && cc > 0x8f) return i;
    }
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

/**
 * Line and column of a byte offset, the column counted like the rest of mlcat
 * counts it (UTF-16 units of the decoded text, as the YAML parser's positions):
 * a 4-byte sequence counts 2, a leading byte-order mark counts 0.
 */
function positionOfByte(b: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = hasBom(b) ? 3 : 0;
  for (let i = lineStart; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) column += c >= 0xf0 ? 2 : 1;
  }
  return { line, column };
}

function hasBom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** The hint for a file that is not UTF-8: a UTF-16 file (by its byte-order mark) is named as such, anything else gets `otherwise`. */
export function notUtf8Hint(bytes: Uint8Array, otherwise: string): string {
  const utf16 = utf16ByBom(bytes);
  return utf16
    ? `the file is ${utf16 === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} (it starts with a byte-order mark): save it as UTF-8`
    : otherwise;
}
