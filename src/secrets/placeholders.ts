/**
 * What is obviously not a real secret: placeholders (`<your-token>`, `xxxx`,
 * `changeme`, `${SECRET}`, `{{ token }}`), documentation examples (AWS's
 * `...EXAMPLE` keys, jwt.io's sample token), and values too regular to be
 * random (`0000...`, `123456...`). And what looks random enough to be one.
 */

/** Words and shapes that mark a placeholder anywhere in the value. */
const PLACEHOLDER_MARKS =
  /example|sample|dummy|placeholder|change[-_]?me|redacted|fake|your[-_]|^your|not[-_]?a[-_]?real|notreal|replace[-_]?(me|this)|insert[-_]|xxxx|\*\*\*|\.\.\.|…/i;

/** Template and variable syntaxes: the value is filled in elsewhere. */
const TEMPLATE_MARKS = /<[^<>]*>|\$\{[^}]*\}|^\$[A-Za-z_][A-Za-z0-9_]*$|\{\{[^}]*\}\}|%\([^)]*\)s|^%[A-Z_]+%$/;

/** Whole values that stand for "a password goes here". */
const PLACEHOLDER_VALUES =
  /^(password|passwd|secret|token|apikey|api[-_]key|none|null|undefined|empty|changeit|admin|test|todo|tbd)$/i;

/** Well-known public example credentials from documentation. */
const KNOWN_EXAMPLES: ReadonlySet<string> = new Set([
  // jwt.io's sample token
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
]);

/** The issuer prefixes stripped before judging how regular a token's body is. */
const PREFIX = /^(gh[pousr]_|github_pat_|hf_|AKIA|ASIA|xox[abposr]-|AIza|sk-(proj-|svcacct-|admin-)?|[rs]k_live_)/;

/** Whether `value` is obviously a placeholder or a documentation example, not a credential. */
export function isPlaceholder(value: string): boolean {
  if (KNOWN_EXAMPLES.has(value)) return true;
  if (PLACEHOLDER_MARKS.test(value) || TEMPLATE_MARKS.test(value) || PLACEHOLDER_VALUES.test(value)) return true;
  const body = value.replace(PREFIX, "");
  return distinctCharacters(body) <= 3 || longestSequentialRun(body) >= 6;
}

/** Shannon entropy of `value`, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether a value under a secret-sounding key looks like a credential: long
 * enough, not a word with dashes (it mixes digits or capitals into letters),
 * and not too regular. Values that point elsewhere (paths, URLs, variables,
 * `secrets.NAME` references) are not credentials themselves.
 */
export function looksRandom(value: string, minLength = 16): boolean {
  if (value.length < minLength) return false;
  if (/^(\$|\/|\.\/|~|[a-z]+:\/\/|secrets?\.|env\.|vault:|ref:)/i.test(value)) return false;
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /[0-9]/.test(value);
  if (!(digit && (lower || upper)) && !(lower && upper)) return false;
  return shannonEntropy(value) >= (value.length >= 16 ? 3 : 2.5);
}

function distinctCharacters(value: string): number {
  return new Set(value).size;
}

/** The longest run of characters whose codes rise (or fall) by one each step: `abcdef`, `654321`. */
function longestSequentialRun(value: string): number {
  let best = value.length > 0 ? 1 : 0;
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return best;
}
