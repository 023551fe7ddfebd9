// Generate a synthetic catalog: `npm run gen -- --entities N [--commits M] [--seed S] [--defects K] --out <dir>`.
// Writes <dir>/catalog/ as a git repository of M commits (varied authors, fixed dates), or a plain
// folder with --commits 0. The same options always give the same files and the same commit ids.
// Node 24 strips the types of this script and of scripts/scale/; they use the compiled library (npm run gen compiles first).
import { existsSync, readdirSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateCatalog } from "./scale/generate-catalog.ts";
import { writeCatalogFiles, writeCatalogRepository } from "./scale/write-repository.ts";

const USAGE = "usage: npm run gen -- --entities N [--commits M] [--seed S] [--defects K] --out <dir> [--force]";

const { values } = parseArgs({
  options: {
    entities: { type: "string" },
    commits: { type: "string", default: "20" },
    seed: { type: "string", default: "1" },
    defects: { type: "string", default: "0" },
    out: { type: "string" },
    force: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

function count(name: string, text: string | undefined, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not ${JSON.stringify(text)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.out === undefined || values.entities === undefined) {
  console.error(USAGE);
  process.exit(2);
}
const entities = count("entities", values.entities, 20);
const commits = count("commits", values.commits, 0);
const seed = count("seed", values.seed, 0);
const defects = count("defects", values.defects, 0);
const out = values.out;
if (existsSync(out) && readdirSync(out).length > 0) {
  if (!values.force) {
    console.error(`${out} is not empty: pass --force to replace it`);
    process.exit(2);
  }
  rmSync(out, { recursive: true, force: true });
}

const start = performance.now();
const catalog = generateCatalog({ entities, seed, defects });
let where = `${out}/catalog`;
if (commits === 0) writeCatalogFiles(catalog, out);
else {
  const head = await writeCatalogRepository(catalog, out, { commits });
  where += ` (git, head ${head.slice(0, 10)})`;
}
const yaml = [...catalog.files.keys()].filter((p) => p.endsWith(".yaml")).length;
console.log(
  `wrote ${yaml} entities and ${catalog.files.size - yaml} READMEs to ${where} in ${((performance.now() - start) / 1000).toFixed(1)}s` +
    (catalog.defects.length > 0
      ? `; ${catalog.defects.length} defects: ${catalog.defects.map((d) => `${d.code} in ${d.path}`).join(", ")}`
      : ""),
);
