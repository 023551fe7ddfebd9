/**
 * Find credentials in a text, line by line: issuer-prefixed tokens, PEM
 * private keys (a header followed by a key body), and random-looking values
 * under secret-sounding keys. Placeholders and documentation examples pass.
 * Every pattern runs in time linear in the line, so any input is safe to scan.
 */
import { KEYED_VALUE_DETECTOR, PRIVATE_KEY_DETECTOR, TOKEN_DETECTORS, type Detector } from "./detectors.js";
import { isPlaceholder, looksRandom } from "./placeholders.js";

/** One credential found in a text. */
export interface SecretFinding {
  detector: Detector;
  /** 1-based line and column of the value. */
  line: number;
  column: number;
  /** The value found (never printed: messages show `previewSecret`). */
  value: string;
}

/** Options of `scanText`. */
export interface ScanTextOptions {
  /** The line number of the text's first line (default 1): for blocks of added lines. */
  firstLine?: number;
  /** Findings whose value this accepts are left out (the allowlist). */
  isAllowed?: (value: string) => boolean;
}

/** How far after a PEM header the key body may start (headers such as `Proc-Type:` come first). */
const PEM_BODY_WINDOW = 4;
const PEM_BODY = /(?:^|\\n|\s)([A-Za-z0-9+/]{40,}={0,2})/;

/**
 * A cheap first look: a line can hold a finding only if it holds one of these
 * (issuer prefixes, a URL, a key header, or a secret-sounding key). Most lines
 * of a catalog hold none, and are skipped after one search.
 */
const MAYBE =
  /gh[pousr]_|github_pat_|hf_|AKIA|ASIA|xox[abposr]-|AIza|sk-|k_live_|eyJ|:\/\/|PRIVATE KEY|key|secret|token|passw|pwd|passphrase|credential/i;

/** Every credential in `text`, in line and column order. */
export function scanText(text: string, options: ScanTextOptions = {}): SecretFinding[] {
  if (!MAYBE.test(text)) return [];
  const first = options.firstLine ?? 1;
  const lines = text.split(/\r\n|\n|\r/);
  const findings: SecretFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!MAYBE.test(line)) continue;
    findings.push(...scanLine(line, first + i));
    const pair = findEnvPair(lines, i);
    if (pair && !findings.some((f) => f.line === first + pair.line && f.column === pair.column)) {
      findings.push({
        detector: KEYED_VALUE_DETECTOR,
        line: first + pair.line,
        column: pair.column,
        value: pair.value,
      });
    }
    const pem = findPrivateKey(lines, i);
    if (pem) findings.push({ detector: PRIVATE_KEY_DETECTOR, line: first + i, column: pem.column, value: pem.value });
  }
  return options.isAllowed ? findings.filter((f) => !options.isAllowed!(f.value)) : findings;
}

/** The credentials on one line (private keys need the lines after: see `scanText`). */
export function scanLine(line: string, lineNumber: number): SecretFinding[] {
  const found: SecretFinding[] = [];
  const taken: Array<[number, number]> = [];
  const add = (detector: Detector, value: string, index: number): void => {
    if (taken.some(([a, b]) => index < b && a < index + value.length)) return;
    taken.push([index, index + value.length]);
    found.push({ detector, line: lineNumber, column: index + 1, value });
  };
  for (const detector of TOKEN_DETECTORS) {
    for (const m of line.matchAll(detector.pattern)) {
      const value = m[1] ?? m[0];
      const index = m.index + m[0].lastIndexOf(value);
      if (detector.accept && !detector.accept(value)) continue;
      if (!isPlaceholder(value)) add(detector, value, index);
    }
  }
  for (const m of line.matchAll(KEYED_VALUE_DETECTOR.pattern)) {
    const value = m[1]!;
    const key = m[0].slice(0, m[0].length - value.length);
    const minLength = /pass|pwd/i.test(key) ? 8 : 16;
    if (looksRandom(value, minLength) && !isPlaceholder(value))
      add(KEYED_VALUE_DETECTOR, value, m.index + m[0].length - value.length);
  }
  return found.sort((a, b) => a.column - b.column);
}

/** `name: DB_PASSWORD` then `value: ...`: a Kubernetes or Polyaxon environment variable. */
const ENV_NAME =
  /(?:^|[\s{,-])name:[ \t]*["']?[A-Za-z0-9_.-]*(?:key|secret|token|passwd|password|pwd|passphrase|credentials?)["']?[ \t]*(?:,|$)/i;
const ENV_VALUE = /(?:^|[\s{,])value:[ \t]*["']?([^\s"'`,;{}()[\]#]+)/;

/** The value of an environment variable whose name on line `i` sounds secret, when it is a literal that looks random (same line in flow style, or one of the next two lines). */
function findEnvPair(lines: readonly string[], i: number): { line: number; column: number; value: string } | undefined {
  if (!ENV_NAME.test(lines[i]!)) return undefined;
  for (let j = i; j <= Math.min(lines.length - 1, i + 2); j++) {
    const m = ENV_VALUE.exec(lines[j]!);
    if (!m) continue;
    const value = m[1]!;
    const minLength = /pass|pwd/i.test(lines[i]!) ? 8 : 16;
    if (!looksRandom(value, minLength) || isPlaceholder(value)) return undefined;
    return { line: j, column: m.index + m[0].length - value.length + 1, value };
  }
  return undefined;
}

/** A PEM private key whose header is on line `i` and whose body follows (on the same line after `\n`, or on the next lines). */
function findPrivateKey(lines: readonly string[], i: number): { column: number; value: string } | undefined {
  const line = lines[i]!;
  const header = new RegExp(PRIVATE_KEY_DETECTOR.pattern.source).exec(line);
  if (!header) return undefined;
  const rest = line.slice(header.index + header[0].length);
  const candidates = [rest, ...lines.slice(i + 1, i + 1 + PEM_BODY_WINDOW)];
  for (const text of candidates) {
    if (/-----END /.test(text) && !PEM_BODY.test(text.split("-----END ")[0]!)) return undefined;
    const body = PEM_BODY.exec(text);
    if (body) return isPlaceholder(body[1]!) ? undefined : { column: header.index + 1, value: body[1]! };
  }
  return undefined;
}

/** What a message may show of a secret: its issuer prefix, never the secret part. */
export function previewSecret(value: string): string {
  const prefix = /^(gh[pousr]_|github_pat_|hf_|AKIA|ASIA|xox[a-z]-|AIza|sk-|[rs]k_live_|eyJ)/.exec(value)?.[1] ?? "";
  return `${prefix}…, ${value.length} characters`;
}
