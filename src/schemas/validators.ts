/**
 * One validator per schema file, cached: precompiled (Ajv's standalone code,
 * generated when mlcat is compiled) when the generated module matches the
 * schemas and the Ajv packages this process loads, else compiled on first use
 * by the one Ajv instance (draft 2020-12, with formats, `allErrors`,
 * `strict`). Both judge alike and give the same errors.
 */
import type { Ajv2020, ErrorObject } from "ajv/dist/2020.js";
import { InternalError } from "../diagnostics/diagnostic.js";
import { SCHEMA_FILE, type Kind } from "../model/kinds.js";
import { createAjv } from "./ajv-setup.js";
import { loadSchemaSources, loadSchemas } from "./load-schemas.js";
import {
  GENERATED_VALIDATORS_PATH,
  installedVersions,
  loadPrecompiledValidators,
  validatorsDigest,
  type PrecompiledLoad,
  type SchemaValidator,
} from "./precompiled.js";
import { schemaId } from "./schema-files.js";

export type { SchemaValidator } from "./precompiled.js";

let ajv: Ajv2020 | undefined;

/** The process's single Ajv instance, with every schema added (compiled on demand). */
export function getAjv(): Ajv2020 {
  ajv ??= createAjv(loadSchemas().values());
  return ajv;
}

/** The digest the generated module must carry in this process: of the schema files it loads and the installed Ajv packages. */
export function currentValidatorsDigest(): string {
  return validatorsDigest({ sources: loadSchemaSources(), versions: installedVersions() });
}

/** Where a `SchemaValidators` takes its validators from. */
export interface SchemaValidatorsOptions {
  /** The generated module to use when it is current, or `false` to compile every validator with Ajv. */
  precompiled: string | false;
  /** The Ajv instance to compile with when the generated module is not used. */
  ajv: () => Ajv2020;
  /** The digest the generated module must carry (default: `currentValidatorsDigest`). */
  digest?: () => string;
}

/** Whether the generated module is in use, or why not (`off`: not asked for). */
export type PrecompiledStatus = "used" | Exclude<PrecompiledLoad, { validators: unknown }>["reason"] | "off";

/** The validators of the schema files, looked up once each: the generated module's if it is current, else Ajv's. */
export class SchemaValidators {
  private precompiled: ReadonlyMap<string, SchemaValidator> | undefined;
  private readonly compiled = new Map<string, SchemaValidator>();
  private loaded: PrecompiledStatus | undefined;

  constructor(private readonly options: SchemaValidatorsOptions) {}

  /** Whether the generated module is in use, or why not; undefined until the first validator is asked for. */
  get status(): PrecompiledStatus | undefined {
    return this.loaded;
  }

  /** The validator of a schema file (e.g. `component-spec.schema.json`). */
  forFile(file: string): SchemaValidator {
    this.loaded ??= this.loadPrecompiled();
    const precompiled = this.precompiled?.get(file);
    if (precompiled) return precompiled;
    let validate = this.compiled.get(file);
    if (!validate) {
      validate = this.options.ajv().getSchema(schemaId(file));
      if (!validate) throw new InternalError(`no JSON Schema ${file} is loaded`);
      this.compiled.set(file, validate);
    }
    return validate;
  }

  private loadPrecompiled(): PrecompiledStatus {
    if (this.options.precompiled === false) return "off";
    let digest: string;
    try {
      digest = (this.options.digest ?? currentValidatorsDigest)();
    } catch {
      // Fail safe: without a digest to compare with, Ajv compiles (and reports an unreadable schema as it always did).
      return "broken";
    }
    const loaded = loadPrecompiledValidators(this.options.precompiled, digest);
    if (!loaded.validators) return loaded.reason;
    this.precompiled = loaded.validators;
    return "used";
  }
}

const validators = new SchemaValidators({ precompiled: GENERATED_VALIDATORS_PATH, ajv: getAjv });

/** The process's validators: whether they are precompiled (`validators.status`) and each schema file's. */
export function processValidators(): SchemaValidators {
  return validators;
}

/** The validator of a schema file (e.g. `component-spec.schema.json`). */
export function validatorForFile(file: string): SchemaValidator {
  return validators.forFile(file);
}

/** The validator of a kind's schema. */
export function validatorFor(kind: Kind): SchemaValidator {
  return validatorForFile(SCHEMA_FILE[kind]);
}

/** Validate `data` against a kind's schema: every error Ajv finds (an empty list when it is valid). */
export function validateKindData(kind: Kind, data: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
