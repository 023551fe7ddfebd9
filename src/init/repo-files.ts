/**
 * The files around the catalog that `mlcat init` writes: .gitignore entries,
 * editor settings mapping the catalog's paths to mlcat's JSON Schemas, and a
 * pull-request template.
 */
import { yamlSchemasSetting } from "../authoring/editor-schemas.js";

/** The lines a catalog repository's .gitignore needs. */
export const GITIGNORE_LINES = ["node_modules/", "site-dist/", ".mlcat-cache/"];

/** `.gitignore`: `existing` with the missing lines appended (or a new file). */
export function gitignoreText(existing: string | undefined): string {
  const have = new Set((existing ?? "").split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE_LINES.filter((l) => !have.has(l) && !have.has(l.replace(/\/$/, "")));
  if (existing === undefined) return `${GITIGNORE_LINES.join("\n")}\n`;
  if (missing.length === 0) return existing;
  return `${existing}${existing === "" || existing.endsWith("\n") ? "" : "\n"}${missing.join("\n")}\n`;
}

/** `.vscode/settings.json`: the schemas mlcat installs (`node_modules/mlcat/schemas`) mapped to the catalog's paths. */
export function vscodeSettings(catalog: string): string {
  return `${JSON.stringify({ "yaml.schemas": yamlSchemasSetting("./node_modules/mlcat/schemas", catalog) }, null, 2)}\n`;
}

/** `.vscode/extensions.json`: the YAML extension that reads those settings. */
export const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ["redhat.vscode-yaml"] }, null, 2)}\n`;

/** `.github/pull_request_template.md`. */
export const PULL_REQUEST_TEMPLATE = `## What changes

<!-- One change per pull request: a component release, a model version and its stage, a team, a project... -->

- [ ] a hub component or a new version of one (\`mlcat promote component\`, \`mlcat new component\`)
- [ ] a model version or a stage change (\`mlcat promote experiment\`, \`mlcat stage\`)
- [ ] an experiment record
- [ ] a user, organization, team, project or connection (\`mlcat new ...\`, \`mlcat org add-member\`)
- [ ] something else:

## Why

<!-- For a stage change to production: the evidence (metrics, shadow run, sign-off). -->

## Checklist

- [ ] \`npx mlcat validate\` passes on my machine
- [ ] new versions are new files: no published \`versions/<tag>.yaml\` is edited
- [ ] READMEs (project, component, model card) describe what I added
- [ ] I asked for review from the people \`npx mlcat explain --actor <my GitHub login> <file or ref>\` names for changes I may not make myself
`;
