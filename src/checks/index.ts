/**
 * The checks, in the order they run. `schemaCheck` runs first and marks each
 * entity `schemaValid`; the rules after it read only valid entities.
 */
import { componentSpecsCheck } from "./component-specs.js";
import { dagsCheck } from "./dags.js";
import { experimentsCheck } from "./experiments.js";
import { lineageCheck } from "./lineage.js";
import { operationsCheck } from "./operations.js";
import type { Check } from "./context.js";
import { namingCheck } from "./naming.js";
import { quotasCheck } from "./quotas.js";
import { readmesCheck } from "./readmes.js";
import { registryCheck } from "./registry.js";
import { stagePolicyCheck } from "./stage-policy.js";
import { referencesCheck } from "./references.js";
import { schemaCheck } from "./schema.js";
import { usersCheck } from "./users.js";
import { secretsCheck } from "../secrets/secrets-check.js";
import { versionsCheck } from "./versions.js";
import { vocabulariesCheck } from "./vocabularies.js";

/** Shape first: JSON Schema for every entity. */
export const SHAPE_CHECKS: readonly Check[] = [schemaCheck];

/** Then the ordered list of small named rules. */
export const RULE_CHECKS: readonly Check[] = [
  namingCheck,
  referencesCheck,
  usersCheck,
  componentSpecsCheck,
  dagsCheck,
  operationsCheck,
  experimentsCheck,
  lineageCheck,
  registryCheck,
  stagePolicyCheck,
  versionsCheck,
  quotasCheck,
  vocabulariesCheck,
  readmesCheck,
  secretsCheck,
];

/** Every check, in run order. */
export const CHECKS: readonly Check[] = [...SHAPE_CHECKS, ...RULE_CHECKS];
