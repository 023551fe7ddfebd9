/**
 * When two names look or fold the same: case folding, NFKC normalization and
 * a compact confusable skeleton after Unicode TR39 (NFKC, a small table of the
 * common look-alikes, case folding, then multi-letter look-alikes).
 *
 * The table covers what catalog names meet in practice: Cyrillic and Greek
 * letters that look Latin, dotless i, dash look-alikes, and the digit/letter
 * pairs 0/o and 1/l/I. It is not the full TR39 data.
 */

/** Single characters that look like a Latin letter, digit or hyphen, mapped before case folding. */
const LOOK_ALIKES: Record<string, string> = {
  // Latin capital I looks like l; dotless i like i.
  I: "l",
  ı: "i",
  // Cyrillic, lower case.
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  ѕ: "s",
  і: "i",
  ј: "j",
  һ: "h",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ӏ: "l",
  // Cyrillic, upper case.
  А: "a",
  В: "b",
  Е: "e",
  К: "k",
  М: "m",
  Н: "h",
  О: "o",
  Р: "p",
  С: "c",
  Т: "t",
  Х: "x",
  У: "y",
  Ѕ: "s",
  І: "l",
  Ј: "j",
  Ԛ: "q",
  Ԝ: "w",
  Ӏ: "l",
  // Greek, lower case.
  α: "a",
  ο: "o",
  ν: "v",
  ρ: "p",
  ι: "i",
  κ: "k",
  υ: "u",
  χ: "x",
  // Greek, upper case.
  Α: "a",
  Β: "b",
  Ε: "e",
  Ζ: "z",
  Η: "h",
  Ι: "l",
  Κ: "k",
  Μ: "m",
  Ν: "n",
  Ο: "o",
  Ρ: "p",
  Τ: "t",
  Υ: "y",
  Χ: "x",
  // Dashes and minus signs.
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  // Digits that look like letters.
  "0": "o",
  "1": "l",
};

/** Letter pairs that read as one letter: `rn` as `m`, `vv` as `w`. */
const MULTI_LOOK_ALIKES: ReadonlyArray<[RegExp, string]> = [
  [/rn/g, "m"],
  [/vv/g, "w"],
];

/** NFKC and full case folding: `ﬁ` -> `fi`, `Ａ` -> `a`, `Alice` -> `alice`. */
export function foldName(name: string): string {
  return name.normalize("NFKC").toLowerCase().normalize("NFKC");
}

/** The confusable skeleton: two names with the same skeleton look alike. */
export function skeletonOf(name: string): string {
  const mapped = [...name.normalize("NFKC")].map((ch) => LOOK_ALIKES[ch] ?? ch).join("");
  let folded = foldName(mapped);
  for (const [re, to] of MULTI_LOOK_ALIKES) folded = folded.replace(re, to);
  return folded;
}

/** Names made of these characters only (every valid name and tag) are their own NFKC case fold, and only `0` and `1` of them have look-alikes. */
const SIMPLE_NAME = /^[a-z0-9._-]*$/;

/** Keys of names seen in this process (version tags and experiment names repeat across a catalog); bounded. */
const KEYS_SEEN = new Map<string, readonly string[]>();
const KEYS_SEEN_MAX = 50_000;

/** Every key under which a name is indexed for collisions: two names collide when they share one. */
export function collisionKeys(name: string): readonly string[] {
  let keys = KEYS_SEEN.get(name);
  if (keys) return keys;
  keys = computeCollisionKeys(name);
  if (KEYS_SEEN.size >= KEYS_SEEN_MAX) KEYS_SEEN.clear();
  KEYS_SEEN.set(name, keys);
  return keys;
}

function computeCollisionKeys(name: string): readonly string[] {
  if (SIMPLE_NAME.test(name)) {
    // The same keys as below, without Unicode normalization: folding changes nothing, the skeleton maps 0, 1, rn and vv.
    let skeleton = name.replace(/0/g, "o").replace(/1/g, "l");
    for (const [re, to] of MULTI_LOOK_ALIKES) skeleton = skeleton.replace(re, to);
    return skeleton === name ? [name] : [name, skeleton];
  }
  const folded = foldName(name);
  return [...new Set([folded, skeletonOf(name), skeletonOf(folded)])];
}

/** Why two different names collide: the first transformation that makes them equal. */
export type CollisionReason = "case" | "NFKC" | "look-alike";

/** Why `a` and `b` collide, or `undefined` when they are equal or do not collide. */
export function explainCollision(a: string, b: string): CollisionReason | undefined {
  if (a === b) return undefined;
  if (a.toLowerCase() === b.toLowerCase()) return "case";
  if (foldName(a) === foldName(b)) return "NFKC";
  const keys = new Set(collisionKeys(a));
  return collisionKeys(b).some((k) => keys.has(k)) ? "look-alike" : undefined;
}
