/** Changes to a generated catalog, each altering what checks of other files find (shared by the snapshot tests). */
import { generateCatalog } from "../../src/scale/generate-catalog.js";

export type Files = Map<string, string>;
export const GENERATED: Files = generateCatalog({ entities: 300, seed: 3 }).files;

/** The first path matching `re` (a change whose target is missing is a broken test, not a pass). */
function pick(files: Files, re: RegExp, skip = 0): string {
  const found = [...files.keys()].filter((p) => re.test(p))[skip];
  if (found === undefined) throw new Error(`no file matches ${re}`);
  return found;
}

function edit(files: Files, path: string, from: RegExp | string, to: string): void {
  const text = files.get(path)!;
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${path}: ${from} not found`);
  files.set(path, next);
}

/** A value of `field: value` in a file. */
function field(files: Files, path: string, name: string): string {
  const m = new RegExp(`^\\s*-?\\s*${name}: "?([^"\\n]+)"?$`, "m").exec(files.get(path)!);
  if (!m) throw new Error(`${path}: no ${name}`);
  return m[1]!;
}

const EXPERIMENT = /experiments\/[^/]+\.yaml$/;

/** User files without github.id whom no role names (yet): validate has nothing to say about them. */
const NEWCOMERS = ["zz-newcomer-1", "zz-newcomer-2"].map(
  (name) => [`users/${name}.yaml`, `name: ${name}\ngithub:\n  login: ${name}\n`] as const,
);

/** Changes, each altering what checks of other files find. */
export const CHANGES: Record<string, (files: Files) => void> = {
  "edit a project's description": (f) =>
    edit(f, pick(f, /project\.yaml$/), /^description: .*$/m, "description: Edited."),
  "delete a user an experiment names as creator": (f) =>
    f.delete(`users/${field(f, pick(f, EXPERIMENT), "createdBy")}.yaml`),
  "name an unknown creator in an experiment": (f) =>
    edit(f, pick(f, EXPERIMENT, 3), /^createdBy: .*$/m, "createdBy: nobody-at-all"),
  "delete the component version an experiment runs": (f) => {
    const [org, rest] = field(f, pick(f, EXPERIMENT, 1), "component").split("/") as [string, string];
    const [name, tag] = rest.split(":") as [string, string];
    f.delete(`orgs/${org}/components/${name}/versions/${tag}.yaml`);
  },
  "remove a team member from the organization": (f) => {
    const team = pick(f, /teams\/[^/]+\.yaml$/);
    const user = field(f, team, "user");
    edit(f, pick(f, /organization\.yaml$/), new RegExp(`^- user: ${user}\\n\\s+role: \\w+\\n`, "m"), "");
  },
  "narrow the tag vocabulary": (f) => edit(f, "catalog.yaml", /^ {2}- batch\n/m, ""),
  "break a model file's YAML": (f) => f.set(pick(f, /models\/[^/]+\/model\.yaml$/, 1), "name: [unclosed\n"),
  "add an unknown property to a project": (f) =>
    edit(f, pick(f, /project\.yaml$/, 2), /^description:/m, "colour: blue\ndescription:"),
  "add a user whose name collides after case folding": (f) => {
    const user = pick(f, /^users\//, 4);
    f.set(
      user.replace(/users\/(.)/, (_, c: string) => `users/${c.toUpperCase()}`),
      f.get(user)!,
    );
  },
  "delete an organization file": (f) => f.delete(pick(f, /organization\.yaml$/)),
  "copy a hub version to a new tag": (f) => {
    const version = pick(f, /components\/[^/]+\/versions\/[^/]+\.yaml$/, 2);
    f.set(version.replace(/[^/]+\.yaml$/, "9.9.9.yaml"), f.get(version)!);
  },
  "put a token in a README": (f) =>
    f.set(
      pick(f, /README\.md$/, 1),
      `${f.get(pick(f, /README\.md$/, 1))}\ntoken: ghp_${"a1B2c3D4e5".repeat(3)}abcdef\n`,
    ),
  "lower a team's project quota": (f) =>
    edit(f, pick(f, /teams\/[^/]+\.yaml$/), /^ {2}projects: \d+$/m, "  projects: 0"),
  "send a model version's history back in time": (f) =>
    // The last entry of its stage history goes before the first.
    edit(f, pick(f, /models\/[^/]+\/versions\/[^/]+\.yaml$/, 5), / at: "20\d\d-(?![\s\S]* at: "20)/, ' at: "2019-'),
  "move a project to a new folder": (f) => {
    const project = pick(f, /project\.yaml$/, 1).replace(/project\.yaml$/, "");
    const [, org, name] = /^orgs\/([^/]+)\/projects\/([^/]+)\/$/.exec(project)!;
    for (const path of [...f.keys()].filter((p) => p.startsWith(project))) {
      const moved = path.replace(project, `orgs/${org}/projects/${name}-moved/`);
      f.set(
        moved,
        path.endsWith("project.yaml") ? f.get(path)!.replace(`name: ${name}`, `name: ${name}-moved`) : f.get(path)!,
      );
      f.delete(path);
    }
  },
  "delete the experiment a model version's lineage names": (f) => {
    const version = pick(f, /models\/[^/]+\/versions\/[^/]+\.yaml$/);
    const org = version.split("/")[1]!;
    f.delete(
      `orgs/${org}/projects/${field(f, version, "project")}/experiments/${field(f, version, "experiment")}.yaml`,
    );
  },
  "delete a connection": (f) => f.delete(pick(f, /connections\/[^/]+\.yaml$/, 3)),
  "delete a team": (f) => f.delete(pick(f, /teams\/[^/]+\.yaml$/)),
  "drop the github.id of an organization's owner": (f) => {
    const owner = field(f, pick(f, /organization\.yaml$/), "user");
    edit(f, `users/${owner}.yaml`, /^ {2}id: \d+\n/m, "");
  },
  "edit the users: add two without github.id whom no role names": (f) => {
    for (const [path, text] of NEWCOMERS) f.set(path, text);
  },
  // After the change above only the project file changes: the second user's check (which reused who holds roles) must run again.
  "name a user without github.id as a project member": (f) => {
    for (const [path, text] of NEWCOMERS) if (!f.has(path)) f.set(path, text);
    const project = pick(f, /project\.yaml$/, 3);
    const text = f.get(project)!;
    const entry = "- user: zz-newcomer-2\n  role: viewer\n";
    f.set(
      project,
      /^members:\n/m.test(text) ? text.replace(/^members:\n/m, `members:\n${entry}`) : `${text}members:\n${entry}`,
    );
  },
  "give a user another user's GitHub id": (f) => {
    const [first, second] = [...f.keys()].filter((p) => p.startsWith("users/"));
    edit(f, second!, /^ {2}id: \d+$/m, `  id: ${field(f, first!, "id")}`);
  },
  "add a README no project owns": (f) =>
    f.set(`orgs/${pick(f, /organization\.yaml$/).split("/")[1]}/projects/ghost/README.md`, "# Ghost\n"),
  "restore nothing (no change at all)": () => {},
};
