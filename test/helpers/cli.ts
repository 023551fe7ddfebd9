/** Run the CLI in-process with captured output. */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/io.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files appended to through `io.appendFile` (the GitHub job summary). */
  appended: Record<string, string>;
}

/** Run `mlcat <args>` in-process. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const appended: Record<string, string> = {};
  const io: CliIO = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env: { NO_COLOR: "1", ...env },
    appendFile: (p, t) => void (appended[p] = (appended[p] ?? "") + t),
    isTTY: false,
  };
  const code = await main(["node", "mlcat", ...args], io);
  return { code, stdout, stderr, appended };
}

/** Write `files` (relative paths -> text or bytes) under a new temporary folder; returns its path. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = "mlcat-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}
