/** Time commands and code for the benchmark: wall time of each run, the median, and peak memory of Node processes. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One run: wall time, peak resident memory (kB, Node processes only), exit code. */
export interface Run {
  ms: number;
  rssKb?: number;
  code: number;
}

/** Several runs of one measurement. */
export interface Measured {
  label: string;
  runs: number[];
  medianMs: number;
  /** The largest peak resident memory of the runs, in MB (Node processes only). */
  peakRssMb?: number;
  exitCodes: number[];
}

/** The median of `xs`. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** What to run. */
export interface CommandSpec {
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** A Node process: preload `rssHook` to measure its peak memory. */
  rssHook?: string;
}

/** Run a command once, its output read and dropped; resolves with its wall time. */
export function runCommand(spec: CommandSpec): Promise<Run & { stdout: string; stderr: string }> {
  const dir = spec.rssHook ? mkdtempSync(join(tmpdir(), "mlcat-rss-")) : undefined;
  const rssFile = dir ? join(dir, "rss") : undefined;
  const args = spec.rssHook ? ["--import", spec.rssHook, ...spec.args] : spec.args;
  const env = { ...process.env, ...spec.env, ...(rssFile && { MLCAT_BENCH_RSS_FILE: rssFile }) };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(spec.command, args, { cwd: spec.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout.length < 1_000_000 ? (stdout += c.toString("utf8")) : undefined));
    child.stderr.on("data", (c: Buffer) => (stderr.length < 100_000 ? (stderr += c.toString("utf8")) : undefined));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      let rssKb: number | undefined;
      if (rssFile) {
        try {
          rssKb = Number(readFileSync(rssFile, "utf8"));
        } catch {
          rssKb = undefined;
        }
        rmSync(dir!, { recursive: true, force: true });
      }
      resolve({ ms, code: code ?? 1, stdout, stderr, ...(rssKb !== undefined && { rssKb }) });
    });
  });
}

/** Run `once` `runs` times (after `warmup` untimed runs) and summarize. */
export async function measure(
  label: string,
  runs: number,
  once: () => Promise<Run>,
  options: { before?: () => void | Promise<void>; warmup?: number } = {},
): Promise<Measured> {
  for (let i = 0; i < (options.warmup ?? 0); i++) {
    await options.before?.();
    await once();
  }
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    await options.before?.();
    results.push(await once());
  }
  const rss = results.map((r) => r.rssKb).filter((x): x is number => x !== undefined);
  return {
    label,
    runs: results.map((r) => Math.round(r.ms)),
    medianMs: Math.round(median(results.map((r) => r.ms))),
    ...(rss.length > 0 && { peakRssMb: Math.round(Math.max(...rss) / 1024) }),
    exitCodes: results.map((r) => r.code),
  };
}

/** Run several commands one after the other as one run (e.g. one ajv-cli call per schema): times add up, memory is the largest. */
export async function runSequence(specs: readonly CommandSpec[]): Promise<Run> {
  let ms = 0;
  let rssKb: number | undefined;
  let code = 0;
  for (const spec of specs) {
    const r = await runCommand(spec);
    ms += r.ms;
    if (r.rssKb !== undefined) rssKb = Math.max(rssKb ?? 0, r.rssKb);
    if (r.code !== 0) code = r.code;
  }
  return { ms, code, ...(rssKb !== undefined && { rssKb }) };
}
