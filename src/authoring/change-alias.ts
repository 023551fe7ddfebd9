/**
 * `alias`: point a model's alias (`champion`, `challenger`, `production`) at
 * one of its versions, or remove it. Only `aliases.<name>` of model.yaml
 * changes; comments and the rest stay. On a pull request the move is judged
 * like a stage change (a production alias needs the production approvers).
 */
import { parseNameParts, checkName, checkTag } from "./arg-names.js";
import { modelDir } from "./catalog-paths.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { updateChange, type Plan } from "./plan.js";
import type { ScaffoldContext } from "./scaffold-context.js";
import { displayPath, readWorkspaceText } from "./workspace.js";
import { editYamlText } from "./yaml-edit.js";
import { quoted } from "./yaml-style.js";

/** An alias change: set `alias` to `tag`, or remove it (`tag` undefined). */
export interface AliasChangeInput {
  /** `org/model`. */
  model: string;
  alias: string;
  tag?: string;
}

/** Plan the edit of model.yaml. */
export function planAliasChange(ctx: ScaffoldContext, input: AliasChangeInput): Outcome<Plan> {
  const parts = parseNameParts(input.model, 2, "model", "<org>/<model>");
  if (!parts.ok) return parts;
  const [org, name] = parts.value as [string, string];
  const alias = checkName(input.alias, "alias");
  if (!alias.ok) return alias;
  if (input.tag !== undefined) {
    const tag = checkTag(input.tag, "version tag");
    if (!tag.ok) return tag;
  }
  const { ws } = ctx;
  const key = `${org}/${name}`;
  const relPath = `${modelDir(org, name)}/model.yaml`;
  const model = ws.catalog.get("Model", key);
  const text = readWorkspaceText(ws, relPath);
  if (!model || text === undefined)
    return refuse(
      `model "${key}" does not exist (no ${displayPath(ws, relPath)})`,
      "check the name: mlcat alias <org>/<model> <alias> <tag>",
    );
  const tags = ws.catalog.versionsOf("ModelVersion", key).map((v) => v.name);
  const aliases = (model.data.aliases ?? {}) as Record<string, unknown>;
  const current = Object.hasOwn(aliases, input.alias) ? aliases[input.alias] : undefined;
  if (input.tag === undefined) {
    if (current === undefined) {
      const names = Object.keys(aliases);
      return refuse(
        `model ${key} has no alias "${input.alias}"`,
        names.length > 0 ? `its aliases are ${names.join(", ")}` : "it has no aliases",
      );
    }
    const edits =
      Object.keys(aliases).length === 1
        ? [{ op: "delete" as const, path: ["aliases"] }]
        : [{ op: "delete" as const, path: ["aliases", input.alias] }];
    return succeed({
      changes: [updateChange(relPath, editYamlText(text, edits))],
      notes: [`${key}: alias ${input.alias} removed (was ${String(current)})`],
    });
  }
  if (tags.includes(input.alias))
    return refuse(
      `"${input.alias}" is a version tag of ${key}: an alias may not be one`,
      "choose another alias name (champion, challenger, production...)",
    );
  if (!tags.includes(input.tag))
    return refuse(
      `model ${key} has no version "${input.tag}"`,
      tags.length > 0
        ? `choose one of its versions: ${tags.join(", ")}`
        : "add a version first: mlcat promote experiment ...",
    );
  if (current === input.tag)
    return refuse(`alias ${input.alias} of ${key} already names ${input.tag}`, "nothing to change");
  // A moved alias keeps its quoting and comment (the scalar is replaced in place); a new one is quoted like a tag.
  const value = current === undefined ? quoted(input.tag) : input.tag;
  const edited = editYamlText(text, [{ op: "set", path: ["aliases", input.alias], value }]);
  return succeed({
    changes: [updateChange(relPath, edited)],
    notes: [
      current === undefined
        ? `${key}: alias ${input.alias} -> ${input.tag}`
        : `${key}: alias ${input.alias} ${String(current)} -> ${input.tag}`,
    ],
  });
}
