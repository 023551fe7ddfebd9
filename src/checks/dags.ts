/**
 * Check `dags`: the DAGs of component specs (hub versions and project
 * components, and the DAG components nested in them), as Polyaxon's V1Dag
 * reads them (dag-ops.ts). Hub references resolve against the catalog's hub
 * unless catalog.yaml names their owner under `externalHubs`; path
 * references against the project a project component sits in.
 */
import { PARAM_CODES } from "./params-check.js";
import { forEachSubject, type Check } from "./context.js";
import { checkDags } from "./dag-ops.js";

export const dagsCheck: Check = {
  name: "dags",
  codes: [
    "dag/duplicate-name",
    "dag/unknown-component",
    "dag/unknown-dependency",
    "dag/unknown-ref",
    "dag/cycle",
    "op/reference-count",
    "op/unresolved-ref",
    ...PARAM_CODES,
  ],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["ComponentVersion", "ProjectComponent"], true), (spec) => {
      const project = spec.kind === "ProjectComponent" ? { org: spec.org!, project: spec.project! } : undefined;
      checkDags(
        { catalog, entity: spec, report, ...(project && { project }) },
        spec.data as unknown as Record<string, unknown>,
      );
    });
  },
};
