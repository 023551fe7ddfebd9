/**
 * Invisible characters: bidi controls (refused anywhere in a file, they can
 * make text read differently from what it is, "Trojan Source") and zero-width
 * characters (refused in keys and identifier-like values, where they make two
 * names that look equal differ).
 */

/** Every invisible character the loader looks for, in one character class. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const INVISIBLE_TEST = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
const BIDI_TEST = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Names of the characters, for messages. */
const NAMES: Record<number, string> = {
  0x061c: "ARABIC LETTER MARK",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (BOM)",
};

/** Where invisible characters sit in a text, by kind; offsets ascend. */
export interface InvisibleScan {
  bidi: number[];
  zeroWidth: number[];
}

/**
 * Find every invisible character of `text` in one regex pass. (A file's
 * leading byte-order mark is dropped by the UTF-8 decoder before this.)
 */
export function scanInvisible(text: string): InvisibleScan {
  const scan: InvisibleScan = { bidi: [], zeroWidth: [] };
  if (!INVISIBLE_TEST.test(text)) return scan;
  for (const m of text.matchAll(INVISIBLE)) (isBidi(m[0]) ? scan.bidi : scan.zeroWidth).push(m.index);
  return scan;
}

/** Whether `ch` (one UTF-16 unit) is a bidi control. */
export function isBidi(ch: string): boolean {
  return BIDI_TEST.test(ch);
}

/** Whether `s` holds any invisible character (bidi or zero-width). */
export function hasInvisible(s: string): boolean {
  return INVISIBLE_TEST.test(s);
}

/** The first offset of the ascending list `offsets` within `[start, end)`, if any (binary search). */
export function firstOffsetIn(offsets: readonly number[], start: number, end: number): number | undefined {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const found = offsets[lo];
  return found !== undefined && found < end ? found : undefined;
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: how messages name a character. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex} ${NAMES[cp] ?? "invisible character"}`;
}

/** `s` with each invisible character written as `\u{...}`, so a message shows where it is. */
export function escapeInvisible(s: string): string {
  return s.replace(INVISIBLE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

/** The first invisible character of `s`, if any. */
export function firstInvisible(s: string): string | undefined {
  return INVISIBLE_TEST.exec(s)?.[0];
}
