/**
 * Read a Polyaxon hub checkout laid out `<component>/<tag>.yaml`: which
 * components and versions it holds, and what cannot be imported and why.
 * Never follows symlinks; reads no file contents (the importer copies bytes).
 */
import { readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { isDnsLabel, isVersionTag } from "../model/names.js";

/** Something in the source that is not imported, with a way to fix it. */
export interface ImportProblem {
  /** Path relative to the source folder (folders end with `/`); for a target that cannot be written, its catalog path. */
  path: string;
  message: string;
  hint: string;
}

/** One version file of a hub component. */
export interface HubSourceVersion {
  tag: string;
  /** Absolute (or cwd-relative) path of the file to copy. */
  file: string;
  /** Path relative to the source folder. */
  relPath: string;
}

/** One component folder. */
export interface HubSourceComponent {
  name: string;
  versions: HubSourceVersion[];
  /** The folder's README.md, if any. */
  readme?: string;
}

/** What a hub checkout holds. */
export interface HubSource {
  components: HubSourceComponent[];
  problems: ImportProblem[];
  /** Source-relative paths left out on purpose (README.md, LICENSE, dot-folders...). */
  ignored: string[];
}

const YAML_EXT = /\.ya?ml$/;

/** List the components of a hub checkout at `dir`, in name order. */
export async function readHubSource(dir: string): Promise<HubSource> {
  const out: HubSource = { components: [], problems: [], ignored: [] };
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const rel = entry.isDirectory() ? `${entry.name}/` : entry.name;
    if (entry.name.startsWith(".")) out.ignored.push(rel);
    else if (entry.isSymbolicLink()) out.problems.push(symlinkProblem(rel));
    else if (entry.isFile()) {
      if (YAML_EXT.test(entry.name))
        out.problems.push({
          path: rel,
          message: `${rel} sits at the top of the hub, outside any component folder: not imported`,
          hint: `move it to <component>/<tag>.yaml (Polyaxon refers to <component>:<tag>)`,
        });
      else out.ignored.push(rel);
    } else if (entry.isDirectory()) {
      if (!isDnsLabel(entry.name)) {
        out.problems.push({
          path: rel,
          message: `component folder "${entry.name}" is not a lowercase DNS label: not imported`,
          hint: `rename the folder to lowercase letters, digits and dashes (e.g. "${suggestLabel(entry.name)}") and import again`,
        });
        continue;
      }
      const component = await readComponentDir(join(dir, entry.name), entry.name, out);
      if (component.versions.length > 0) out.components.push(component);
      else
        out.problems.push({
          path: rel,
          message: `component folder ${rel} holds no <tag>.yaml version file: not imported`,
          hint: `add at least one version, e.g. ${rel}latest.yaml`,
        });
    } else out.ignored.push(rel);
  }
  return out;
}

async function readComponentDir(dir: string, name: string, out: HubSource): Promise<HubSourceComponent> {
  const component: HubSourceComponent = { name, versions: [] };
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const rel = posix.join(name, entry.name) + (entry.isDirectory() ? "/" : "");
    if (entry.isSymbolicLink()) out.problems.push(symlinkProblem(rel));
    else if (entry.isFile() && YAML_EXT.test(entry.name)) {
      const tag = entry.name.replace(YAML_EXT, "");
      if (!isVersionTag(tag)) {
        out.problems.push({
          path: rel,
          message: `version tag "${tag}" of ${name} is not a valid tag (lowercase letters, digits, dots and dashes): not imported`,
          hint: `rename the file, e.g. to ${name}/${suggestLabel(tag, true)}.yaml`,
        });
      } else if (component.versions.some((v) => v.tag === tag)) {
        out.problems.push({
          path: rel,
          message: `${rel} is a second file for tag ${name}:${tag}: not imported`,
          hint: `keep one of ${name}/${tag}.yaml and ${name}/${tag}.yml`,
        });
      } else component.versions.push({ tag, file: join(dir, entry.name), relPath: rel });
    } else if (entry.isFile() && entry.name === "README.md") component.readme = join(dir, entry.name);
    else if (entry.isDirectory())
      out.problems.push({
        path: rel,
        message: `${rel} is a folder inside component ${name}: not imported`,
        hint: `a hub component holds only <tag>.yaml files and a README.md; move the folder elsewhere`,
      });
    else out.ignored.push(rel);
  }
  return component;
}

function symlinkProblem(rel: string): ImportProblem {
  return {
    path: rel,
    message: `${rel} is a symlink: not followed, not imported`,
    hint: "replace the symlink with the file or folder it points to",
  };
}

/** A lowercase DNS-label version of `name`, for hints. */
function suggestLabel(name: string, dots = false): string {
  const label = name
    .toLowerCase()
    .replace(dots ? /[^a-z0-9.]+/g : /[^a-z0-9]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 63);
  return label || "component";
}
