/**
 * The inputs and outputs of a component spec, read as Polyaxon's V1IO reads
 * them (`cli/polyaxon/_flow/io/io.py`): unique names, not one of the names
 * Polyaxon reserves, a type Polyaxon knows, a `value` that parses as that
 * type and meets the IO's `validation`, `isFlag` only on a bool, `toInit`
 * only where Polyaxon can make an initializer (`ParamSpec.validate_to_init`
 * in `cli/polyaxon/_flow/params/params.py`), and no value with
 * `isOptional: false`.
 */
import type { Entity } from "../model/entity.js";
import type { IoData } from "../model/types.js";
import { positionOf, type ValuePath } from "../yaml/positions.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { effectiveValidation, validationFailure } from "./io-validation.js";
import { RESERVED_IO_NAMES } from "./polyaxon-names.js";
import {
  COMMON_TYPE_NAMES,
  KNOWN_TYPE_NAMES,
  LEGACY_TYPE_NAMES,
  parseTypeExpr,
  parsedValue,
  typeMismatch,
  unknownTypeNames,
  type TypeExpr,
} from "./polyaxon-types.js";
import { findClosest } from "../text/suggest.js";

const SECTIONS = [
  ["inputs", "input"],
  ["outputs", "output"],
] as const;

/** Types Polyaxon turns into an initializer without a connection (`validate_to_init`). */
const INIT_TYPES = new Set(["git", "artifacts", "dockerfile"]);

/** Every IO problem of a spec (or of a component nested in it, at `base`). */
export function checkIos(
  spec: Entity,
  data: Record<string, unknown>,
  base: ValuePath,
  report: DiagnosticCollector,
): void {
  const seen = new Map<string, { path: ValuePath; word: string }>();
  for (const [section, word] of SECTIONS) {
    const list = data[section];
    if (!Array.isArray(list)) continue;
    list.forEach((io: IoData, index) => {
      if (typeof io?.name !== "string") return;
      const at: ValuePath = [...base, section, index];
      const first = seen.get(io.name);
      if (first) {
        const { line } = positionOf(spec.source, first.path);
        report.at(
          spec,
          [...at, "name"],
          "spec/duplicate-io",
          `${word} "${io.name}" is declared twice: ${first.word} "${io.name}" is already declared on line ${line}`,
          `rename one of them or remove the duplicate: {{ ${io.name} }} can resolve to only one value`,
        );
      } else seen.set(io.name, { path: [...at, "name"], word });
      checkIo(spec, io, at, word, report);
    });
  }
}

function checkIo(spec: Entity, io: IoData, at: ValuePath, word: string, report: DiagnosticCollector): void {
  if (RESERVED_IO_NAMES.has(io.name)) {
    report.at(
      spec,
      [...at, "name"],
      "spec/reserved-io-name",
      `${word} "${io.name}" uses a name Polyaxon reserves: it refuses an input or output named ${[...RESERVED_IO_NAMES].join(", ")}`,
      `rename the ${word} (e.g. "${io.name}_value"): {{ ${io.name} }} is Polyaxon's own context`,
    );
  }
  const type = checkType(spec, io, at, word, report);
  if (io.isOptional === false && Object.hasOwn(io, "value")) {
    report.at(
      spec,
      [...at, "isOptional"],
      "spec/optional-value-conflict",
      `${word} "${io.name}" has a value but isOptional: false`,
      `in Polyaxon a value makes an ${word} optional: set isOptional: true, or remove the value to make it required`,
    );
  }
  if (io.isFlag === true && io.type !== "bool") {
    report.at(
      spec,
      [...at, "isFlag"],
      "spec/flag-not-bool",
      `${word} "${io.name}" is a flag but its type is ${io.type === undefined ? "not set" : `"${io.type}"`}: Polyaxon makes flags of bools only`,
      `set type: bool, or remove isFlag and pass the value with {{ params.${io.name}.as_arg }} (--${io.name}=value)`,
    );
  }
  if (io.toInit === true) checkToInit(spec, io, at, word, report);
  if (type && io.value !== undefined && io.value !== null && !hasTemplate(io.value))
    checkValue(spec, io, type, at, word, report);
}

/** The IO's parsed type; reports an unknown, legacy or missing type. */
function checkType(
  spec: Entity,
  io: IoData,
  at: ValuePath,
  word: string,
  report: DiagnosticCollector,
): TypeExpr | undefined {
  if (io.type === undefined) {
    report.at(
      spec,
      [...at, "name"],
      "spec/untyped-io",
      `${word} "${io.name}" has no type`,
      `add a type (str, int, float, bool, dict, list, path, image, git, uri...) so Polyaxon can check the values passed to it`,
    );
    return undefined;
  }
  if (LEGACY_TYPE_NAMES.has(io.type)) {
    report.at(
      spec,
      [...at, "type"],
      "spec/legacy-io-type",
      `type "${io.type}" of ${word} "${io.name}" was a Polyaxon 1.x type; Polyaxon 2.x cannot parse values of it`,
      io.type === "dict_of_dicts" ? "use type: Dict[str, dict]" : "use type: str, or a connection for credentials",
    );
    return undefined;
  }
  const expr = parseTypeExpr(io.type);
  const unknown = expr ? unknownTypeNames(expr) : [io.type];
  if (expr && unknown.length === 0) return expr;
  const name = unknown[0]!;
  const closest = findClosest(name, COMMON_TYPE_NAMES) ?? findClosest(name, KNOWN_TYPE_NAMES);
  report.at(
    spec,
    [...at, "type"],
    "spec/unknown-io-type",
    expr
      ? `type "${io.type}" of ${word} "${io.name}" names "${name}", which is not a type Polyaxon knows`
      : `type "${io.type}" of ${word} "${io.name}" is not a type Polyaxon can read`,
    `${closest ? `did you mean "${io.type.replace(name, closest)}"? ` : ""}Polyaxon types: ${COMMON_TYPE_NAMES.join(", ")}, or a Python type hint such as List[float]`,
  );
  return undefined;
}

function checkValue(
  spec: Entity,
  io: IoData,
  type: TypeExpr,
  at: ValuePath,
  word: string,
  report: DiagnosticCollector,
): void {
  const mismatch = typeMismatch(type, io.value, io.isList === true);
  const typeText = io.isList === true ? `a list of ${io.type}` : `type ${io.type}`;
  if (mismatch) {
    report.at(
      spec,
      [...at, "value"],
      "spec/invalid-io-value",
      `value of ${word} "${io.name}" does not parse as ${typeText}: ${mismatch}`,
      `give a value of ${typeText}, or change the type`,
    );
    return;
  }
  const validation = effectiveValidation(io);
  if (!validation) return;
  const failure = validationFailure(validation, parsedValue(type, io.value, io.isList === true));
  if (failure) {
    report.at(
      spec,
      [...at, "value"],
      "spec/io-validation-failed",
      `value of ${word} "${io.name}" breaks its validation: ${failure}`,
      `change the value, or the ${word}'s validation (Polyaxon refuses the spec as it is)`,
    );
  }
}

function checkToInit(spec: Entity, io: IoData, at: ValuePath, word: string, report: DiagnosticCollector): void {
  const fix = `give it a connection, or a type Polyaxon initializes by itself (git, artifacts, dockerfile)`;
  if (io.type === undefined) {
    report.at(
      spec,
      [...at, "toInit"],
      "spec/untyped-to-init",
      `${word} "${io.name}" has toInit but no type: Polyaxon turns only typed params into initializers`,
      `add a type; ${fix}`,
    );
  } else if (io.connection === undefined && !INIT_TYPES.has(io.type)) {
    report.at(
      spec,
      [...at, "toInit"],
      "spec/to-init-needs-connection",
      `${word} "${io.name}" of type ${io.type} has toInit but no connection: unless every run passes one, Polyaxon cannot turn it into an init container`,
      fix,
    );
  }
}

function hasTemplate(value: unknown): boolean {
  if (typeof value === "string") return value.includes("{{") || value.includes("{%");
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasTemplate);
  return false;
}
