/**
 * The text of a file's bytes as the secret scanner reads it: what an editor
 * would show. A file that starts with a UTF-16 byte-order mark is UTF-16
 * (little- or big-endian, as the mark says); anything else is read as UTF-8,
 * bytes that are not UTF-8 becoming U+FFFD, so that no input is refused.
 */

/** The UTF-16 encoding a byte-order mark at the start of `bytes` announces, if any. */
export function utf16ByBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

const UTF8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
const UTF16LE = new TextDecoder("utf-16le", { fatal: false, ignoreBOM: false });

/** Decode `bytes` for scanning: UTF-16 by its byte-order mark, else lenient UTF-8 (a byte-order mark dropped either way). */
export function decodeFileText(bytes: Uint8Array): string {
  const utf16 = utf16ByBom(bytes);
  if (utf16 === undefined) return UTF8.decode(bytes);
  // An odd last byte is half a code unit: left out.
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  return UTF16LE.decode(utf16 === "utf-16le" ? even : swapPairs(even));
}

/** A copy of `bytes` with each pair of bytes swapped: big-endian UTF-16 as little-endian. */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}
