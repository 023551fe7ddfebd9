/**
 * Check `operations`: a project's operation files (`kind: operation`,
 * `projects/<p>/operations/<op>.yaml`), as Polyaxon reads a V1Operation
 * (`cli/polyaxon/_flow/operations/operation.py`): specification version 1.1,
 * exactly one component reference that resolves (a hubRef to a published
 * version or an external hub, a pathRef to a component of the project), its
 * params against that component's inputs, and the DAGs of an inline component.
 */
import { PARAM_CODES } from "./params-check.js";
import { forEachSubject, type Check } from "./context.js";
import { checkDags, checkOperationParams, resolveOperation } from "./dag-ops.js";
import { checkSpecVersion } from "./spec-release.js";
import { isRecord } from "./spec-nested.js";

export const operationsCheck: Check = {
  name: "operations",
  codes: [
    "spec/unsupported-version",
    "op/reference-count",
    "op/unresolved-ref",
    ...PARAM_CODES,
    "dag/duplicate-name",
    "dag/unknown-component",
    "dag/unknown-dependency",
    "dag/unknown-ref",
    "dag/cycle",
  ],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["Operation"], true), (operation) => {
      const scope = {
        catalog,
        entity: operation,
        report,
        project: { org: operation.org!, project: operation.project! },
      };
      const data = operation.data as unknown as Record<string, unknown>;
      checkSpecVersion(operation, report);
      const spec = resolveOperation(scope, data, []);
      const label =
        typeof data.hubRef === "string"
          ? data.hubRef
          : typeof data.pathRef === "string"
            ? data.pathRef
            : "its component";
      checkOperationParams(scope, data, [], spec, label);
      if (isRecord(data.component)) checkDags(scope, data.component, ["component"]);
    });
  },
};
