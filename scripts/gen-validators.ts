// Write the precompiled validators (Ajv's standalone code for every schema) to
// dist/schemas/validators.generated.cjs. Run by `npm run compile` and `prepare`
// after tsc (Node 24 strips the types of this script); a run uses the module
// only while its digest matches the schemas and the Ajv packages it loads.
import { renameSync, writeFileSync } from "node:fs";
import { GENERATED_VALIDATORS_PATH } from "../dist/schemas/precompiled.js";
import { standaloneValidatorsCode } from "../dist/schemas/standalone.js";

const code = standaloneValidatorsCode();
const temporary = `${GENERATED_VALIDATORS_PATH}.${process.pid}.tmp`;
writeFileSync(temporary, code);
renameSync(temporary, GENERATED_VALIDATORS_PATH);
console.log(`wrote dist/schemas/validators.generated.cjs (${Math.round(code.length / 1024)} KiB)`);
