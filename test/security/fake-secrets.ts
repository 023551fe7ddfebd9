/**
 * Fake credentials for tests, built at run time from a fixed seed so that no
 * token-shaped literal sits in the repository (scanners and push protection
 * would flag this file otherwise).
 */

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A deterministic random string of `length` characters from `alphabet`. */
export function randomChars(length: number, alphabet = ALNUM, seed = 7): string {
  let state = seed >>> 0 || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

const b64 = (s: string) => Buffer.from(s).toString("base64url");

/** One fake credential of each detector, keyed by detector id. */
export const FAKE = {
  github: `ghp_${randomChars(36, ALNUM, 1)}`,
  githubPat: `github_pat_${randomChars(22, ALNUM, 2)}_${randomChars(59, ALNUM, 3)}`,
  huggingface: `hf_${randomChars(34, ALNUM, 4)}`,
  awsAccessKey: `AKIA${randomChars(16, UPPER_DIGITS, 5)}`,
  awsSession: `ASIA${randomChars(16, UPPER_DIGITS, 6)}`,
  slack: `xoxb-${randomChars(11, "0123456789", 7)}-${randomChars(12, "0123456789", 8)}-${randomChars(24, ALNUM, 9)}`,
  google: `AIza${randomChars(35, ALNUM, 10)}`,
  openai: `sk-proj-${randomChars(48, ALNUM, 11)}`,
  jwt: `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64('{"sub":"svc-deployer","exp":1999999999}')}.${randomChars(43, ALNUM, 12)}`,
  awsSecret: `${randomChars(18, ALNUM, 13)}/${randomChars(21, ALNUM, 14)}`,
  pemBody: randomChars(64, ALNUM, 15),
  password: `${randomChars(10, ALNUM, 16)}!9`,
} as const;

/** A PEM private key block, each line prefixed with `indent`. */
export function fakePem(indent = ""): string {
  const kind = ["RSA", "PRIVATE KEY"].join(" ");
  return [`-----BEGIN ${kind}-----`, FAKE.pemBody, randomChars(64, ALNUM, 17), `-----END ${kind}-----`]
    .map((l) => indent + l)
    .join("\n");
}

/** `text` as UTF-16LE bytes, with its byte-order mark (as Windows tools save "Unicode" text). */
export function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
}

/** `text` as UTF-16BE bytes, with its byte-order mark. */
export function utf16be(text: string): Uint8Array {
  return Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()]);
}
