/**
 * Check `experiments`: a run record against the component version it ran.
 * Its params are judged as Polyaxon judges the params of a run
 * (params-check.ts), and every connection the component uses by name must be
 * one its project allows (`connections` in project.yaml). A component
 * reference that does not resolve is the references check's.
 */
import type { Entity } from "../model/entity.js";
import { forEachSubject, type Check } from "./context.js";
import { type DiagnosticCollector } from "../report/collector.js";
import type { Catalog } from "../model/catalog.js";
import { componentSpecOf } from "../relations/component-refs.js";
import { projectOf } from "../relations/project-refs.js";
import { checkParams, type ParamProblem, PARAM_CODES } from "./params-check.js";
import { usedConnections } from "./spec-connections.js";
import { formatList } from "../text/suggest.js";

export const experimentsCheck: Check = {
  name: "experiments",
  codes: [...PARAM_CODES, "experiment/connection-not-allowed"],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["Experiment"], true), (experiment) =>
      checkExperiment(catalog, experiment, report),
    );
  },
};

function checkExperiment(catalog: Catalog, experiment: Entity<"Experiment">, report: DiagnosticCollector): void {
  const { component, params } = experiment.data;
  if (typeof component !== "string") return;
  const resolved = componentSpecOf(catalog, component, projectOf(experiment));
  if (!resolved) return;
  const problems = checkParams(params, resolved.entity.data, {
    at: ["params"],
    missingAt: ["component"],
    form: "record",
    component: resolved.label,
  });
  reportParamProblems(experiment, problems, report);
  checkConnections(catalog, experiment, resolved.entity, resolved.label, report);
}

/** Report the params problems of `entity`. */
export function reportParamProblems(
  entity: Entity,
  problems: readonly ParamProblem[],
  report: DiagnosticCollector,
): void {
  for (const p of problems) report.at(entity, p.path, p.code, p.message, p.hint, { target: p.target });
}

/** Every connection the component uses is listed by the experiment's project. */
function checkConnections(
  catalog: Catalog,
  experiment: Entity<"Experiment">,
  spec: Entity,
  label: string,
  report: DiagnosticCollector,
): void {
  const used = usedConnections(spec.data);
  if (used.length === 0) return;
  const project = catalog.get("Project", `${experiment.org}/${experiment.project}`);
  if (!project?.schemaValid) return;
  const allowed = project.data.connections ?? [];
  const missing = [...new Set(used.map((u) => u.name).filter((n) => !allowed.includes(n)))];
  if (missing.length === 0) return;
  const where = used.filter((u) => missing.includes(u.name)).map((u) => u.path.join("."));
  report.at(
    experiment,
    ["component"],
    "experiment/connection-not-allowed",
    `${label} uses ${missing.length === 1 ? "connection" : "connections"} ${missing.map((n) => `"${n}"`).join(", ")} (${formatList(where, 3)}), which project ${project.key} does not list`,
    `add ${missing.join(", ")} to connections in ${project.source.relPath} (Polyaxon refuses a run whose connections its project cannot use), or run a component that needs only ${allowed.length > 0 ? formatList(allowed, 6) : "no connection"}`,
  );
}
