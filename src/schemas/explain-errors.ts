/**
 * From Ajv errors to schema problems users can act on: the code, the value
 * path and whether to point at its key, a message saying what is wrong, where
 * and what was expected, and a hint built from the schema's own titles,
 * examples and property names.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { pointerToPath, type PositionTarget, type ValuePath } from "../yaml/positions.js";
import { findClosest } from "../text/suggest.js";
import { collapseErrors, type Finding } from "./collapse-errors.js";
import { describeGot, describeValue, orList, pathLabel, typeWords, yamlEntry } from "./error-words.js";
import {
  dateTimeHint,
  exampleHint,
  explainConstraint,
  firstExample,
  lastKey,
  pairsHint,
  quoteHint,
  schemaOf,
} from "./schema-hints.js";

/** One problem found by a schema, ready to become a diagnostic. */
export interface SchemaProblem {
  code: DiagnosticCode;
  /** Path of the value (or, with `target: "key"`, of the key) to point at. */
  path: string[];
  target: PositionTarget;
  message: string;
  hint: string;
}

/** What `explainSchemaErrors` needs besides the errors. */
export interface ExplainOptions {
  /** What the whole file is, for problems at its top level, e.g. `organization "acme"`. */
  subject: string;
  /** The value's text as written in the file (so `1.20` is quoted as written), when known. */
  sourceText?: (path: ValuePath) => string | undefined;
}

const FORMAT_WORDS: Record<string, string> = {
  uri: "a URL",
  email: "an email address",
  date: "a date (YYYY-MM-DD)",
  "date-time": "a date and time with a time zone (e.g. 2026-01-10T12:00:00Z)",
};

/** What one failed keyword asks for, in words: `a list`, `"component"`, `a lowercase DNS label`. */
function expectedWords(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return typeWords(params.type);
    case "const":
      return JSON.stringify(params.allowedValue);
    case "enum":
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "pattern":
      return (schemaOf(error).title as string | undefined) ?? `a string matching ${String(params.pattern)}`;
    case "format":
      return (
        (schemaOf(error).title as string | undefined) ??
        FORMAT_WORDS[String(params.format)] ??
        `a valid ${String(params.format)}`
      );
    default:
      return error.message ?? error.keyword;
  }
}

function codeOf(keyword: string): DiagnosticCode {
  switch (keyword) {
    case "required":
      return "schema/required";
    case "additionalProperties":
    case "unevaluatedProperties":
      return "schema/unknown-property";
    case "type":
      return "schema/type";
    case "enum":
    case "const":
      return "schema/enum";
    case "pattern":
      return "schema/pattern";
    case "format":
      return "schema/format";
    default:
      return "schema/constraint";
  }
}

/** All the properties missing from one object, in one problem. */
function explainRequired(errors: readonly ErrorObject[], where: string): SchemaProblem {
  const first = errors[0]!;
  const missing = [...new Set(errors.map((e) => String((e.params as { missingProperty: string }).missingProperty)))];
  const properties = (schemaOf(first).properties as Record<string, unknown> | undefined) ?? {};
  const entries = missing.map((name) => {
    const example = firstExample(properties[name]);
    return example === undefined ? `"${name}"` : yamlEntry(name, example);
  });
  const names = orList(
    missing.map((name) => `"${name}"`),
    "and",
  );
  return {
    code: "schema/required",
    path: pointerToPath(first.instancePath),
    target: "value",
    message: `${where} is missing the required ${missing.length === 1 ? "property" : "properties"} ${names}`,
    hint: `add ${missing.length === 1 ? "it" : "them"}, e.g. ${entries.join(" and ")}`,
  };
}

/** An unknown property, pointed at by its key, with the closest known property or the list of allowed ones. */
function explainUnknown(error: ErrorObject, where: string): SchemaProblem {
  const prop = String((error.params as { additionalProperty: string }).additionalProperty);
  const kind = (error.data as Record<string, unknown> | null)?.kind;
  // A run section allows different properties per run kind: say which kind was judged.
  if (error.instancePath.endsWith("/run") && typeof kind === "string") where = `${where} (kind: ${kind})`;
  const known = Object.keys((schemaOf(error).properties as Record<string, unknown> | undefined) ?? {});
  const suggestion = findClosest(prop, known, { ignoreSeparators: true });
  return {
    code: "schema/unknown-property",
    path: [...pointerToPath(error.instancePath), prop],
    target: "key",
    message: `unknown property "${prop}" in ${where}`,
    hint: suggestion
      ? `did you mean "${suggestion}"?`
      : known.length > 0
        ? `remove it; the properties allowed here are ${known.join(", ")}`
        : "remove it: no properties are allowed here",
  };
}

/** A value that breaks its schema: wrong type, value, pattern, format or another constraint. */
function explainValue(finding: Finding, where: string, options: ExplainOptions): SchemaProblem {
  const { error } = finding;
  const path = pointerToPath(error.instancePath);
  const value = error.data;
  const got = describeGot(value, options.sourceText?.(path));
  const schema = schemaOf(error);
  const params = error.params as Record<string, unknown>;
  const base = { path, target: "value" as const };

  if (finding.alternatives) {
    const alts = finding.alternatives;
    const matchedType = alts.find((a) => a.keyword !== "type");
    const expectsString = alts.some(
      (a) => a.keyword === "type" && String((a.params as { type: unknown }).type).includes("string"),
    );
    return {
      ...base,
      code: matchedType ? codeOf(matchedType.keyword) : "schema/type",
      message: `${where} must be ${orList(alts.map(expectedWords))}, but it is ${got}`,
      hint:
        quoteHint(path, value, expectsString, options.sourceText?.(path)) ??
        exampleHint(path, schema, `write ${orList(alts.map(expectedWords))}`),
    };
  }

  switch (error.keyword) {
    case "type": {
      const expected = typeWords(params.type);
      return {
        ...base,
        code: "schema/type",
        message: `${where} must be ${expected}, but it is ${got}`,
        hint:
          quoteHint(path, value, String(params.type).includes("string"), options.sourceText?.(path)) ??
          (params.type === "array" ? pairsHint(path, value, schema) : undefined) ??
          exampleHint(path, schema, `write ${expected}`),
      };
    }
    case "enum":
    case "const": {
      const allowed = error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const suggestion =
        typeof value === "string"
          ? findClosest(
              value,
              allowed.filter((v): v is string => typeof v === "string"),
              { ignoreSeparators: true },
            )
          : undefined;
      const listed = allowed.map((v) => JSON.stringify(v)).join(", ");
      return {
        ...base,
        code: "schema/enum",
        message: `${where} must be ${allowed.length === 1 ? listed : `one of ${listed}`}, but it is ${describeValue(value)}`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : allowed.length === 1
            ? `write ${yamlEntry(lastKey(path), allowed[0])}`
            : `use one of ${listed}`,
      };
    }
    case "pattern": {
      const words = expectedWords(error);
      const fixed = typeof value === "string" ? value.trim().toLowerCase() : undefined;
      const fixable = fixed !== undefined && fixed !== value && new RegExp(String(params.pattern), "u").test(fixed);
      return {
        ...base,
        code: "schema/pattern",
        message: `${where} must be ${words}, but it is ${describeValue(value)}`,
        hint: fixable ? `write ${yamlEntry(lastKey(path), fixed)}` : exampleHint(path, schema, `write ${words}`),
      };
    }
    case "format": {
      const words = expectedWords(error);
      return {
        ...base,
        code: "schema/format",
        message: `${where} must be ${words}, but it is ${describeValue(value)}`,
        hint:
          (params.format === "date-time" ? dateTimeHint(path, value) : undefined) ??
          exampleHint(path, schema, `write ${words}`),
      };
    }
    default:
      return { ...base, code: "schema/constraint", ...explainConstraint(error, where, path) };
  }
}

/** Explain Ajv's errors for one file: the most useful problem per value, never two for the same thing. */
export function explainSchemaErrors(errors: readonly ErrorObject[], options: ExplainOptions): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const findings = collapseErrors(errors);
  for (const finding of findings) {
    const { error } = finding;
    const where = error.instancePath === "" ? options.subject : pathLabel(pointerToPath(error.instancePath));
    const problem =
      error.keyword === "required"
        ? explainRequired(
            findings
              .filter((f) => f.error.keyword === "required" && f.error.instancePath === error.instancePath)
              .map((f) => f.error),
            where,
          )
        : error.keyword === "additionalProperties"
          ? explainUnknown(error, where)
          : explainValue(finding, where, options);
    const key = `${problem.code} ${problem.target} ${JSON.stringify(problem.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
