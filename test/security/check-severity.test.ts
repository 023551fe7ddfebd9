/**
 * `mlcat check` and severity settings: the severities come from the BASE's
 * catalog.yaml, so a pull request cannot lower the severity of its own
 * problems by changing the settings in the same pull request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { PrScenario } from "../helpers/pr-repo.js";

const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";
const TYPO = "name: run-3\ncomponent: acme/train:1.0.0\nparams: { lr: 0.1, max_dept: 3 }\nstatus: failed\n";
const setting = (level: string) =>
  `${PR_BASE["catalog.yaml"]}severity:\n  - files: ["orgs/acme/projects/**"]\n    codes: { param/unknown: ${level} }\n`;
const paramProblems = (ds: Array<{ code: string; file: string; severity: string }>) =>
  ds.filter((d) => d.code === "param/unknown").map(({ file, severity }) => ({ file, severity }));

describe("mlcat check reads severity settings from the base only", () => {
  let s: PrScenario;
  beforeAll(() => {
    s = new PrScenario();
  });
  afterAll(() => s.remove());

  it("a pull request that turns off its own error in catalog.yaml still fails, even from a catalog admin", async () => {
    const result = await s.check({ actor: "alice", change: { "catalog.yaml": setting("off"), [RUN3]: TYPO } });
    // alice may change both files: the failure is the typo, whose severity the head's settings do not lower.
    expect(result.changes.every((c) => c.allowed)).toBe(true);
    expect(paramProblems(result.diagnostics)).toEqual([{ file: `catalog/${RUN3}`, severity: "error" }]);
    const branch = s.openBranch({ change: { "catalog.yaml": setting("warning"), [RUN3]: TYPO } });
    s.repo.checkout("main");
    const cli = await runCli(["check", "--base", "main", "--head", branch, "--actor", "alice", "--repo", s.repo.dir]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/run-3\.yaml:3:20 - error param\/unknown/);
  });

  it("once the setting is on the base, it applies to the pull request's files", async () => {
    s.commitToMain({ "catalog.yaml": setting("warning") });
    const lowered = await s.check({ actor: "alice", change: { [RUN3]: TYPO } });
    expect(paramProblems(lowered.diagnostics)).toEqual([{ file: `catalog/${RUN3}`, severity: "warning" }]);
    // ...and a pull request cannot raise it back or drop it either: the base decides until the change is merged.
    const removed = await s.check({
      actor: "alice",
      change: { "catalog.yaml": PR_BASE["catalog.yaml"]!, [RUN3]: TYPO },
    });
    expect(paramProblems(removed.diagnostics)).toEqual([{ file: `catalog/${RUN3}`, severity: "warning" }]);
    s.commitToMain({ "catalog.yaml": setting("off") });
    const dropped = await s.check({ actor: "alice", change: { [RUN3]: TYPO } });
    expect(paramProblems(dropped.diagnostics)).toEqual([]);
    expect(dropped.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
