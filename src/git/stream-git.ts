/** Long-running git commands whose output is read as it streams (e.g. the whole history of a catalog). */
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { MLCAT_GIT_CONFIG, type GitOptions } from "./run-git.js";

/**
 * Run `git <args>` (with the trusted-objects configuration) and hand its
 * standard output to `onText` piece by piece, as UTF-8 text, then once more
 * with the rest when git ends. When `onText` throws, git is stopped and the
 * promise rejects with that error; when git fails, with its error output.
 */
export function streamGit(options: GitOptions, args: readonly string[], onText: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const config = MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]);
    const git = spawn(options.binary ?? "git", [...config, ...args], {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const decoder = new StringDecoder("utf8");
    let stderr = "";
    let failed = false;
    const deliver = (text: string): boolean => {
      try {
        onText(text);
        return true;
      } catch (err) {
        failed = true;
        git.kill();
        reject(err);
        return false;
      }
    };
    git.stdout.on("data", (chunk: Buffer) => {
      if (!failed) deliver(decoder.write(chunk));
    });
    git.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    git.on("error", (err) => {
      failed = true;
      reject(err);
    });
    git.on("close", (code) => {
      if (failed) return;
      if (code !== 0) return reject(new Error(stderr.trim() || `git exited with code ${code}`));
      if (deliver(decoder.end())) resolve();
    });
  });
}
