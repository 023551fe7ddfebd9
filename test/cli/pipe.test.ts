/**
 * `mlcat … | head`: a reader that stops early closes the pipe. mlcat ends
 * quietly with 141 (as SIGPIPE would end it), not with a crash on stderr,
 * and never with 0.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "..", "..", "bin", "mlcat.js");
const dir = mkdtempSync(join(tmpdir(), "mlcat-pipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("output into a pipe whose reader has gone", () => {
  it.each([
    ["explain", "--help"],
    ["validate", "catalog"],
  ])("mlcat %s %s ends with 141 and says nothing", (command, arg) => {
    const err = join(dir, `${command}.err`);
    // The reader closes its end at once, then lingers: every write mlcat makes meets a closed pipe.
    const run = spawnSync(
      "bash",
      ["-c", `"$NODE" "$BIN" "$1" "$2" 2>"$ERR" | (exec 0<&-; sleep 1); echo "\${PIPESTATUS[0]}"`, "--", command, arg],
      { encoding: "utf8", env: { ...process.env, NODE: process.execPath, BIN, ERR: err } },
    );
    expect(run.stdout.trim()).toBe("141");
    expect(readFileSync(err, "utf8")).toBe("");
  });
});
