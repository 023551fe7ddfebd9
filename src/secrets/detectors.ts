/**
 * The credentials mlcat recognises: one row per issuer, each with the pattern
 * of its tokens and where to revoke one. Keyed values (a random-looking value
 * under a key such as `token` or `password`) are found by `keyed-values.ts`,
 * private keys by `scan-text.ts` (they span lines).
 */

/** One kind of credential. */
export interface Detector {
  /** Short stable id, e.g. `github-token`. */
  id: string;
  /** What it is, for messages: `a GitHub token`. */
  label: string;
  /** Where and how to revoke one, for hints. */
  revoke: string;
  /** Finds candidates in one line (global flag); the value is capture group 1 when there is one, else the whole match. */
  pattern: RegExp;
  /** Further test of a candidate (e.g. it must mix letters and digits). */
  accept?: (value: string) => boolean;
}

const mixesLettersAndDigits = (value: string): boolean => /[A-Za-z]/.test(value) && /[0-9]/.test(value);

/** Detectors of tokens that carry their issuer's prefix. */
export const TOKEN_DETECTORS: readonly Detector[] = [
  {
    id: "github-token",
    label: "a GitHub token",
    revoke:
      "revoke it in GitHub (Settings > Developer settings > Personal access tokens, or the app or organization that issued it)",
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{40,251})\b/g,
  },
  {
    id: "huggingface-token",
    label: "a Hugging Face token",
    revoke: "revoke it in Hugging Face (Settings > Access Tokens > Invalidate)",
    pattern: /\bhf_[A-Za-z0-9]{30,}\b/g,
  },
  {
    id: "aws-access-key",
    label: "an AWS access key id",
    revoke: "deactivate and delete the access key in AWS IAM (and rotate the secret key that goes with it)",
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  },
  {
    id: "slack-token",
    label: "a Slack token",
    revoke: "revoke it in the Slack app's settings (OAuth & Permissions > Revoke tokens)",
    pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  },
  {
    id: "google-api-key",
    label: "a Google API key",
    revoke: "delete or regenerate it in the Google Cloud console (APIs & Services > Credentials)",
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
  },
  {
    id: "openai-key",
    label: "an API secret key (OpenAI style, sk-...)",
    revoke: "revoke it in the API provider's key settings",
    pattern: /\bsk-[A-Za-z0-9_-]{20,}/g,
    accept: (value) => mixesLettersAndDigits(value.slice(3)),
  },
  {
    id: "stripe-key",
    label: "a Stripe live secret key",
    revoke: "roll it in the Stripe dashboard (Developers > API keys)",
    pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/g,
  },
  {
    id: "jwt",
    label: "a JSON Web Token",
    revoke: "revoke the session it belongs to, or rotate the issuer's signing key if it does not expire soon",
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  },
  {
    id: "url-credentials",
    label: "a password inside a URL",
    revoke: "change that password on the service the URL points to",
    // scheme://user:password@host: the password (group 1) is the finding. Bounded runs keep long lines linear.
    pattern: /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@"'`]{1,256}:([^\s:/@"'`]{8,256})@/gi,
  },
];

/** The detector of PEM private keys (found across lines by `scan-text.ts`). */
export const PRIVATE_KEY_DETECTOR: Detector = {
  id: "private-key",
  label: "a private key (PEM)",
  revoke:
    "replace the key pair: remove its public key from every place that trusts it (servers, deploy keys, certificates)",
  pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
};

/** The detector of random-looking values under keys such as `token` or `password`. */
export const KEYED_VALUE_DETECTOR: Detector = {
  id: "keyed-secret",
  label: "a secret value",
  revoke: "revoke or change it on the service it belongs to",
  pattern:
    /(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*?(?:key|secret|token|passwd|password|pwd|passphrase|credentials?)["']?[ \t]*[:=][ \t]*["']?([^\s"'`,;{}()[\]#]+)/gi,
};

/** Every detector, for documentation and tests. */
export const DETECTORS: readonly Detector[] = [...TOKEN_DETECTORS, PRIVATE_KEY_DETECTOR, KEYED_VALUE_DETECTOR];
