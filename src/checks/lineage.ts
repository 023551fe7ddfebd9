/**
 * Check `lineage`: a model version's lineage tells how to make it again, so it
 * must agree with the experiment it names: that run succeeded, ran the same
 * component version with the same params and code commit; and its params are
 * a complete run of the component (every required input, each value of its
 * type), as for the experiment itself. References that do not resolve are the
 * references check's.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { forEachSubject, type Check } from "./context.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { componentSpecOf } from "../relations/component-refs.js";
import { lineageOf } from "../relations/lineage.js";
import { reportParamProblems } from "./experiments.js";
import { checkParams, PARAM_CODES } from "./params-check.js";
import { isRecord } from "./spec-nested.js";
import { formatList } from "../text/suggest.js";

export const lineageCheck: Check = {
  name: "lineage",
  codes: [
    "lineage/experiment-not-succeeded",
    "lineage/component-differs",
    "lineage/params-differ",
    "lineage/code-differs",
    ...PARAM_CODES,
  ],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["ModelVersion"], true), (version) => checkLineage(catalog, version, report));
  },
};

function checkLineage(catalog: Catalog, version: Entity<"ModelVersion">, report: DiagnosticCollector): void {
  const lineage = version.data.lineage;
  if (!isRecord(lineage)) return;
  const chain = lineageOf(catalog, version);
  // The lineage's own component, not the experiment's: that one is the experiment's to judge.
  const component =
    chain.componentFrom === "lineage" ? componentSpecOf(catalog, chain.componentRef!, chain.scope) : undefined;
  if (component && lineage.params !== undefined) {
    const problems = checkParams(lineage.params, component.entity.data, {
      at: ["lineage", "params"],
      missingAt: ["lineage", "params"],
      form: "record",
      component: component.label,
    });
    reportParamProblems(version, problems, report);
  }
  if (!chain.experiment?.schemaValid) return;
  compareWithExperiment(version, lineage, chain.experiment, report);
}

function compareWithExperiment(
  version: Entity<"ModelVersion">,
  lineage: Record<string, unknown>,
  experiment: Entity<"Experiment">,
  report: DiagnosticCollector,
): void {
  const name = `experiment ${experiment.key}`;
  const { status, component, params, code } = experiment.data;
  if (status !== "succeeded") {
    report.at(
      version,
      ["lineage", "experiment"],
      "lineage/experiment-not-succeeded",
      `lineage names ${name}, whose status is "${status}": a model version comes from a run that succeeded`,
      `name the succeeded run this version was trained by, or record that run's final status in ${experiment.source.relPath}`,
    );
  }
  if (typeof lineage.component === "string" && lineage.component !== component) {
    report.at(
      version,
      ["lineage", "component"],
      "lineage/component-differs",
      `lineage names component ${lineage.component}, but ${name} ran ${component}`,
      `write component: ${component}, or name the experiment that ran ${lineage.component}`,
    );
  }
  // A lineage without params defers to its experiment's; one with params must repeat them exactly.
  if (lineage.params !== undefined) {
    const differences = paramDifferences(
      isRecord(lineage.params) ? lineage.params : {},
      isRecord(params) ? params : {},
    );
    if (differences.length > 0) {
      report.at(
        version,
        ["lineage", "params"],
        "lineage/params-differ",
        `lineage params differ from those of ${name}: ${formatList(differences, 6)}`,
        `copy the params of ${experiment.source.relPath} into lineage.params (or leave lineage.params out to defer to the experiment): the lineage is how this version is made again`,
        { target: "key" },
      );
    }
  }
  const commit = isRecord(lineage.code) ? lineage.code.commit : undefined;
  if (typeof commit === "string" && typeof code?.commit === "string" && !sameCommit(commit, code.commit)) {
    report.at(
      version,
      ["lineage", "code", "commit"],
      "lineage/code-differs",
      `lineage code commit ${commit} is not the commit ${name} ran (${code.commit})`,
      `write commit: ${code.commit}, or name the experiment that ran ${commit}`,
    );
  }
}

/** What differs between lineage params and the experiment's, key by key, in key order. */
function paramDifferences(lineage: Record<string, unknown>, experiment: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(experiment), ...Object.keys(lineage)])].sort();
  const out: string[] = [];
  for (const key of keys) {
    const inLineage = Object.hasOwn(lineage, key);
    const inExperiment = Object.hasOwn(experiment, key);
    if (!inLineage) out.push(`${key} is missing (the experiment used ${show(experiment[key])})`);
    else if (!inExperiment) out.push(`${key} ${show(lineage[key])} was not a param of the experiment`);
    else if (!sameValue(lineage[key], experiment[key]))
      out.push(`${key} is ${show(lineage[key])}, the experiment used ${show(experiment[key])}`);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Commits agree when one is a prefix of the other (a short and a full hash). */
function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.startsWith(y) || y.startsWith(x);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
