/**
 * `promote component`: publish a project's component to the hub. The spec is
 * copied byte for byte; the hub entry records where it came from (project,
 * path, commit) in the release, and is created when missing. A published tag
 * is never replaced.
 */
import type { Stage } from "../model/types.js";
import { nextTag } from "../relations/version-order.js";
import { parseNameParts, parseTaggedRef } from "./arg-names.js";
import { componentDir, componentVersionPath, projectComponentPath } from "./catalog-paths.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { createChange, updateChange, type FileChange, type Plan } from "./plan.js";
import { componentReadme } from "./readme-templates.js";
import { modelineOf, requireOrg, type ScaffoldContext } from "./scaffold-context.js";
import { displayPath, readWorkspaceText } from "./workspace.js";
import { buildYaml } from "../yaml-writer/build.js";
import { editYamlText } from "../yaml-writer/edit.js";
import { KIND_SHAPES } from "./key-order.js";
import { quoted } from "../yaml-writer/style.js";

/** What to promote, and where to. */
export interface PromoteComponentInput {
  /** `org/project/component`. */
  component: string;
  /** `org/name:tag`. */
  to: string;
  /** The release's stage (default `testing`). */
  stage?: Stage;
  notes?: string;
  /** The commit the spec is taken from. */
  commit?: string;
  /** Owner of the hub entry when it is created (default: the project's owner). */
  owner?: string;
  /** ISO time of the release. */
  now: string;
}

/** Plan the hub version (a byte-for-byte copy) and the hub entry's release. */
export function planPromoteComponent(ctx: ScaffoldContext, input: PromoteComponentInput): Outcome<Plan> {
  const from = parseNameParts(input.component, 3, "project component", "<org>/<project>/<component>");
  if (!from.ok) return from;
  const to = parseTaggedRef(input.to, "--to", "<org>/<name>:<tag>");
  if (!to.ok) return to;
  const [org, project, name] = from.value as [string, string, string];
  const { org: hubOrg, name: hubName, tag } = to.value;
  const { ws } = ctx;
  const specPath = projectComponentPath(org, project, name);
  const spec = ws.files.get(specPath);
  if (!ws.catalog.has("ProjectComponent", input.component) || !spec || spec.type !== "file") {
    const known = ws.catalog
      .all("ProjectComponent")
      .filter((c) => c.org === org && c.project === project)
      .map((c) => c.name);
    return refuse(
      `project component "${input.component}" does not exist (no ${displayPath(ws, specPath)})`,
      known.length
        ? `promote one of the project's components: ${known.join(", ")}`
        : `write it first: mlcat new component ${input.component} --image <image>`,
    );
  }
  const orgOk = requireOrg(ctx, hubOrg);
  if (!orgOk.ok) return orgOk;

  const versionPath = componentVersionPath(hubOrg, hubName, tag);
  const entryKey = `${hubOrg}/${hubName}`;
  const entry = ws.catalog.get("Component", entryKey);
  const released = entry?.data.releases?.some((r) => r && String(r.tag) === tag);
  if (ws.files.has(versionPath) || released) {
    return refuse(
      `${hubOrg}/${hubName}:${tag} is already published (${displayPath(ws, versionPath)}); published versions are immutable`,
      `publish the component under a new tag${nextTag(tag) ? `, e.g. --to ${hubOrg}/${hubName}:${nextTag(tag)}` : ""}`,
    );
  }

  const projectEntity = ws.catalog.get("Project", `${org}/${project}`);
  const source = {
    project: hubOrg === org ? project : `${org}/${project}`,
    path: `components/${name}.yaml`,
    ...(input.commit !== undefined && { commit: input.commit }),
  };
  const release = {
    tag: quoted(tag),
    stage: input.stage ?? "testing",
    releasedAt: quoted(input.now),
    ...(input.notes !== undefined && { notes: input.notes }),
    source,
  };
  const changes: FileChange[] = [createChange(versionPath, spec.bytes)];
  const notes: string[] = [];
  const dir = componentDir(hubOrg, hubName);
  if (entry) {
    const text = readWorkspaceText(ws, entry.source.relPath) ?? entry.source.text;
    changes.push(
      updateChange(
        entry.source.relPath,
        editYamlText(text, [{ op: "append", path: ["releases"], value: release }], { shape: KIND_SHAPES.Component }),
      ),
    );
  } else {
    const specData = ws.catalog.get("ProjectComponent", input.component)!.data;
    const description = typeof specData.description === "string" ? specData.description : undefined;
    const tags = Array.isArray(specData.tags)
      ? specData.tags.filter((t): t is string => typeof t === "string")
      : undefined;
    const owner = input.owner ?? projectEntity?.data.owner;
    const text = buildYaml(
      "A hub entry. The versions are unchanged Polyaxon component specs in\nversions/<tag>.yaml; this file holds ownership, release stages and notes.",
      [
        { key: "name", value: hubName },
        { key: "description", value: description, example: "description: What the component does." },
        { key: "tags", value: tags?.length ? tags : undefined },
        {
          key: "visibility",
          value: projectEntity?.data.visibility === "private" ? "private" : undefined,
          comment: "Private like the project it came from; make it public to share it.",
        },
        { key: "owner", value: owner, comment: "The owning user: a member of the organization." },
        { key: "team", value: hubOrg === org ? projectEntity?.data.team : undefined },
        {
          key: "releases",
          value: [release],
          comment: "One entry per file in versions/; `source` says where a promoted version came from.",
        },
      ],
      { modeline: modelineOf(ctx, "Component", `${dir}/component.yaml`) },
    );
    changes.push(
      createChange(`${dir}/component.yaml`, text),
      createChange(`${dir}/README.md`, componentReadme(hubOrg, hubName, description, tag)),
    );
    notes.push(
      `created the hub entry ${entryKey} (owner ${owner ?? "?"}); describe it in ${displayPath(ws, dir)}/README.md`,
    );
  }
  return succeed({ changes, notes });
}
