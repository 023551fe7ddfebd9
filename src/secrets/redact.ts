/** Mask the credentials of a text, so that code frames and logs never print them. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { scanText } from "./scan-text.js";

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const PEM_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/** `text` with every detected credential replaced by as many `*` (columns stay where they were), and every private key body masked. */
export function redactSecrets(text: string): string {
  const lines = text.split("\n");
  for (const finding of scanText(text)) {
    const i = finding.line - 1;
    const line = lines[i];
    if (line === undefined) continue;
    const at = finding.column - 1;
    lines[i] = line.slice(0, at) + line.slice(at).replace(finding.value, "*".repeat(finding.value.length));
  }
  let inKey = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (PEM_BEGIN.test(line)) {
      const header = PEM_BEGIN.exec(line)!;
      const end = header.index + header[0].length;
      lines[i] = line.slice(0, end) + maskBase64(line.slice(end));
      inKey = !PEM_END.test(line);
      continue;
    }
    if (inKey) {
      if (PEM_END.test(line)) inKey = false;
      lines[i] = maskBase64(line);
    }
  }
  return lines.join("\n");
}

/** Mask runs of base64 characters long enough to be key material. */
function maskBase64(text: string): string {
  return text.replace(/[A-Za-z0-9+/=]{16,}/g, (run) => "*".repeat(run.length));
}

/**
 * Diagnostics with every credential masked in their file, message and hint: a
 * secret held in a path (a file named after a token) or quoted in a message
 * (a name, a commit subject) is never printed by any of them.
 */
export function redactDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const file = redactSecrets(d.file);
    const message = redactSecrets(d.message);
    const hint = redactSecrets(d.hint);
    return file === d.file && message === d.message && hint === d.hint ? d : { ...d, file, message, hint };
  });
}
