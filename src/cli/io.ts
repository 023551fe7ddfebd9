/** Where CLI commands write, and what they read from the environment: swappable for tests. */
import { appendFileSync } from "node:fs";

/** The CLI's connection to the outside world. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Append to a file (the GitHub job summary). */
  appendFile(path: string, text: string): void;
  /** Whether stdout is a terminal (prompts and colours). */
  isTTY: boolean;
}

/** The real process's IO. */
export const processIO: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  env: process.env,
  appendFile: (p, t) => appendFileSync(p, t),
  isTTY: Boolean(process.stdout.isTTY),
};
