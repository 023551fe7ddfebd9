/** The benchmark's results as data (bench/results.json) and as a markdown table, each comparison a ratio measured in one run. */
import type { Measured } from "./measure.ts";

/** The machine a run was measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  git: string;
  /** The 1-minute load average when the run started and when it ended (other work on the machine skews wall times). */
  loadAverage: [number, number];
}

/** The measurements at one catalog size. */
export interface SizeResult {
  /** Entities asked for, entities and files in the catalog, commits in its history. */
  requested: number;
  entities: number;
  files: number;
  commits: number;
  measured: Record<string, Measured>;
  /** Pages of the built site (when the site was built). */
  pages?: number;
  notes: string[];
}

/** One comparison: a measurement against its baseline, and the target ratio. */
export interface Comparison {
  id: string;
  what: string;
  subject: string;
  baseline: string;
  /** The ratio must be at most this (e.g. 1 for "faster than", 0.2 for "5x faster"). */
  target: number;
  targetText: string;
}

/** The comparisons the issue asks for, by measurement label. */
export const COMPARISONS: readonly Comparison[] = [
  {
    id: "1",
    what: "cold `mlcat validate` (every check, positions) vs `ajv-cli` (schemas only)",
    subject: "validate-cold",
    baseline: "ajv-cli",
    target: 1,
    targetText: "< 1",
  },
  {
    id: "2",
    what: "warm `mlcat validate` (content cache and snapshot, nothing changed) vs cold",
    subject: "validate-warm",
    baseline: "validate-cold",
    target: 0.2,
    targetText: "<= 0.2 (5x)",
  },
  {
    id: "2b",
    what: "warm `mlcat validate` of the pull request's five changed files (cache and snapshot of main) vs cold",
    subject: "validate-changed",
    baseline: "validate-cold",
    target: 0.2,
    targetText: "<= 0.2 (5x)",
  },
  {
    id: "3a",
    what: "`mlcat check`, 5 files changed, warm cache (left by `mlcat validate` on main) vs cold full validation",
    subject: "check-warm",
    baseline: "validate-cold",
    target: 0.1,
    targetText: "<= 0.1",
  },
  {
    id: "3b",
    what: "`mlcat check`, 5 files changed, cold cache vs cold full validation",
    subject: "check-cold",
    baseline: "validate-cold",
    target: 1,
    targetText: "<= 1",
  },
  {
    id: "3c",
    what: "permission decisions only (library, `validateHead: false`, warm cache) vs cold full validation",
    subject: "check-decisions",
    baseline: "validate-cold",
    target: 0.1,
    targetText: "<= 0.1",
  },
  {
    id: "3d",
    what: "`mlcat check` of the same head again (a re-run: its own snapshot) vs cold full validation",
    subject: "check-rerun",
    baseline: "validate-cold",
    target: 0.1,
    targetText: "<= 0.1",
  },
  {
    id: "4",
    what: "`mlcat build` vs bare Astro build of as many trivial pages",
    subject: "build",
    baseline: "astro-bare",
    target: 1.5,
    targetText: "<= 1.5",
  },
  {
    id: "5",
    what: "per-entity history (one `git log` pass, parsed) vs raw `git log --name-status`",
    subject: "history",
    baseline: "git-log",
    target: 1.5,
    targetText: "<= 1.5",
  },
];

/** The ratio of a comparison at one size, if both sides were measured. */
export function ratioOf(size: SizeResult, c: Comparison): number | undefined {
  const a = size.measured[c.subject];
  const b = size.measured[c.baseline];
  return a && b && b.medianMs > 0 ? a.medianMs / b.medianMs : undefined;
}

const fmtMs = (m: Measured | undefined) =>
  m
    ? m.medianMs >= 10_000
      ? `${(m.medianMs / 1000).toFixed(1)} s`
      : m.medianMs >= 1000
        ? `${(m.medianMs / 1000).toFixed(2)} s`
        : `${m.medianMs} ms`
    : "—";
const fmtRatio = (r: number | undefined) => (r === undefined ? "—" : r < 0.1 ? r.toFixed(3) : r.toFixed(2));
const verdict = (r: number | undefined, target: number) =>
  r === undefined ? "not measured" : r <= target ? "met" : `missed (${(r / target).toFixed(1)}x the target)`;

/** The markdown report of a run: machine, one table of comparisons per size, growth, every measurement. */
export function renderMarkdown(machine: Machine, sizes: readonly SizeResult[], runs: number): string {
  const lines: string[] = [];
  lines.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; ${machine.os}; Node ${machine.node}; git ${machine.git}. ` +
      `Medians of ${runs} runs. Load average ${machine.loadAverage[0].toFixed(1)} at the start, ${machine.loadAverage[1].toFixed(1)} at the end.`,
    "",
  );
  for (const size of sizes) {
    lines.push(
      `#### ${size.entities.toLocaleString("en")} entities (${size.files.toLocaleString("en")} files, ${size.commits} commits${size.pages ? `, ${size.pages.toLocaleString("en")} pages` : ""})`,
      "",
    );
    lines.push(
      "| # | comparison | mlcat | baseline | ratio | target | verdict |",
      "| --- | --- | ---: | ---: | ---: | --- | --- |",
    );
    for (const c of COMPARISONS) {
      const r = ratioOf(size, c);
      lines.push(
        `| ${c.id} | ${c.what} | ${fmtMs(size.measured[c.subject])} | ${fmtMs(size.measured[c.baseline])} | ${fmtRatio(r)} | ${c.targetText} | ${verdict(r, c.target)} |`,
      );
    }
    lines.push("");
    const mem = Object.values(size.measured).filter((m) => m.peakRssMb !== undefined);
    if (mem.length > 0) lines.push(`Peak memory: ${mem.map((m) => `${m.label} ${m.peakRssMb} MB`).join(", ")}.`, "");
    for (const note of size.notes) lines.push(`- ${note}`);
    if (size.notes.length > 0) lines.push("");
  }
  if (sizes.length >= 2) {
    const [small, large] = [sizes[0]!, sizes[sizes.length - 1]!];
    const scale = large.entities / small.entities;
    lines.push(
      `#### Growth ${small.entities.toLocaleString("en")} → ${large.entities.toLocaleString("en")} entities (×${scale.toFixed(1)})`,
      "",
    );
    lines.push(
      "| measurement | small | large | time ×  | per entity ×  | linear or better |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
    );
    for (const label of Object.keys(large.measured)) {
      const a = small.measured[label];
      const b = large.measured[label];
      if (!a || !b) continue;
      const growth = b.medianMs / a.medianMs;
      lines.push(
        `| ${label} | ${fmtMs(a)} | ${fmtMs(b)} | ${growth.toFixed(1)} | ${(growth / scale).toFixed(2)} | ${growth <= scale * 1.05 ? "yes" : "no"} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
