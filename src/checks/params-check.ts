/**
 * Params against the inputs and outputs of the component they are passed to,
 * as Polyaxon's `validate_params` (`cli/polyaxon/_flow/params/ops_params.py`)
 * judges them: every param names an input or output (or is `contextOnly`),
 * every required input gets one (an input is optional when it has a value,
 * `isOptional: true` or a delayed validation), and a literal value parses as
 * the IO's type and meets its validation. A param is written short (`lr: 0.1`)
 * or full (`lr: {value: 0.1}`, `{ref: ops.a, value: outputs.b}`), as
 * `V1Param.read` reads it (`cli/polyaxon/_flow/params/params.py`); refs and
 * templates are resolved later by Polyaxon and not type-checked here.
 */
import type { ComponentSpecData, IoData } from "../model/types.js";
import type { ValuePath } from "../yaml/positions.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { effectiveValidation, validationFailure } from "./io-validation.js";
import { parseTypeExpr, parsedValue, typeMismatch, unknownTypeNames } from "./polyaxon-types.js";
import { isRecord } from "./spec-nested.js";
import { findClosest, formatList } from "../text/suggest.js";

/** A param problem, with where it is (relative to the params' owner) and whether to point at a key. */
/** The codes `checkParams` reports: every check that judges params against a component's inputs lists them. */
export const PARAM_CODES = [
  "param/unknown",
  "param/missing-required",
  "param/invalid-value",
  "param/validation-failed",
] as const satisfies readonly DiagnosticCode[];

export interface ParamProblem {
  code: Extract<DiagnosticCode, `param/${string}`>;
  path: ValuePath;
  target: "key" | "value";
  message: string;
  hint: string;
}

/** Keys that make a mapping a full-form param (V1_PARAM_KEYS). */
const PARAM_KEYS = new Set([
  "value",
  "ref",
  "toInit",
  "to_init",
  "toEnv",
  "to_env",
  "contextOnly",
  "context_only",
  "connection",
]);

/** How params are written where they are checked. */
export interface ParamsOptions {
  /** Where the params mapping is (e.g. `["params"]`). */
  at: ValuePath;
  /** Where to report a missing required input when there is no params mapping. */
  missingAt: ValuePath;
  /** `record`: plain values of a run (experiment, lineage); `operation`: Polyaxon params, short or full form. */
  form: "record" | "operation";
  /** The component, as messages name it (`northwind/xgboost-train:1.2.0`). */
  component: string;
}

/** The literal value of a param, or `undefined` when it is a ref, a template or only context. */
export function literalOf(
  param: unknown,
  form: ParamsOptions["form"],
): { value: unknown; contextOnly: boolean; full: boolean } | undefined {
  const full =
    form === "operation" &&
    (isRecord(param) ? Object.keys(param).length === 0 || Object.keys(param).some((k) => PARAM_KEYS.has(k)) : false);
  const value = full ? (param as Record<string, unknown>).value : param;
  const contextOnly =
    full &&
    ((param as Record<string, unknown>).contextOnly === true ||
      (param as Record<string, unknown>).context_only === true);
  if (full && typeof (param as Record<string, unknown>).ref === "string")
    return { value: undefined, contextOnly, full };
  if (form === "operation" && typeof value === "string" && /\{\{.*\}\}/s.test(value))
    return { value: undefined, contextOnly, full };
  return { value, contextOnly, full };
}

/** Whether Polyaxon requires a param for `input`. */
export function isRequiredInput(input: IoData): boolean {
  const delayed = input.validation?.delay === true || input.delayValidation === true;
  return !(input.isOptional === true || Object.hasOwn(input, "value") || delayed);
}

/** Every problem of `params` against `spec`'s inputs and outputs. */
export function checkParams(
  params: unknown,
  spec: Pick<ComponentSpecData, "inputs" | "outputs">,
  options: ParamsOptions,
): ParamProblem[] {
  const out: ParamProblem[] = [];
  const inputs = Array.isArray(spec.inputs) ? spec.inputs.filter((io) => typeof io?.name === "string") : [];
  const outputs = Array.isArray(spec.outputs) ? spec.outputs.filter((io) => typeof io?.name === "string") : [];
  const byName = new Map<string, IoData>([...outputs, ...inputs].map((io) => [io.name, io]));
  const given = isRecord(params) ? params : {};
  for (const [name, param] of Object.entries(given)) {
    const path = [...options.at, name];
    const literal = literalOf(param, options.form);
    const io = byName.get(name);
    if (!io) {
      if (literal?.contextOnly) continue;
      const closest = findClosest(name, byName.keys());
      out.push({
        code: "param/unknown",
        path,
        target: "key",
        message: `param "${name}" is not an input or output of ${options.component}`,
        hint: closest
          ? `did you mean "${closest}"?`
          : `its inputs: ${
              formatList(
                inputs.map((i) => i.name),
                12,
              ) || "none"
            }${options.form === "operation" ? "; a param meant only for templates needs contextOnly: true" : ""}`,
      });
      continue;
    }
    if (literal?.value === undefined || literal.value === null || typeof io.type !== "string") continue;
    const valuePath = literal.full ? [...path, "value"] : path;
    const expr = parseTypeExpr(io.type);
    if (!expr || unknownTypeNames(expr).length > 0) continue;
    const mismatch = typeMismatch(expr, literal.value, io.isList === true);
    const typeText = io.isList === true ? `a list of ${io.type}` : `type ${io.type}`;
    if (mismatch) {
      out.push({
        code: "param/invalid-value",
        path: valuePath,
        target: "value",
        message: `param "${name}" does not parse as ${typeText}, the type of ${options.component}'s ${inputs.includes(io) ? "input" : "output"}: ${mismatch}`,
        hint: `pass a value of ${typeText}`,
      });
      continue;
    }
    const validation = effectiveValidation(io);
    const failure = validation && validationFailure(validation, parsedValue(expr, literal.value, io.isList === true));
    if (failure)
      out.push({
        code: "param/validation-failed",
        path: valuePath,
        target: "value",
        message: `param "${name}" breaks the validation of ${options.component}'s "${name}": ${failure}`,
        hint: "pass a value the component accepts",
      });
  }
  const missing = inputs.filter((i) => isRequiredInput(i) && !Object.hasOwn(given, i.name));
  if (missing.length > 0) {
    const names = missing.map((i) => i.name);
    out.push({
      code: "param/missing-required",
      path: isRecord(params) ? options.at : options.missingAt,
      target: isRecord(params) ? "key" : "value",
      message: `${options.component} requires ${names.length === 1 ? "input" : "inputs"} ${names.map((n) => `"${n}"`).join(", ")}, and ${names.length === 1 ? "it is" : "they are"} not given`,
      hint: `add ${names.map((n) => `${n}: <value>`).join(", ")} under params (an input is optional only with a value, isOptional: true or a delayed validation)`,
    });
  }
  return out;
}
