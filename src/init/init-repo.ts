/**
 * `mlcat init`: a catalog repository's starting files. The catalog (its
 * settings, the first user as catalog admin, an organization they own), the
 * .gitignore entries, editor settings, a pull-request template, and the
 * workflows that validate, check and deploy with the mlcat action. Files that
 * exist are kept as they are (a .gitignore only gets the lines it lacks), so
 * running it again changes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join, posix, resolve } from "node:path";
import { checkName } from "../authoring/arg-names.js";
import { refuseUsage, succeed, type Outcome } from "../authoring/outcome.js";
import type { ScaffoldContext } from "../authoring/scaffold-context.js";
import { scaffoldOrganization, scaffoldUser } from "../authoring/scaffold-people.js";
import { createFileAtomic, replaceFileAtomic } from "../authoring/write-files.js";
import { buildYaml } from "../yaml-writer/build.js";
import { Catalog } from "../model/catalog.js";
import { isDnsLabel as isValidName } from "../model/names.js";
import { actionFromPackage, isPinnedAction } from "./action-ref.js";
import { gitignoreText, PULL_REQUEST_TEMPLATE, VSCODE_EXTENSIONS, vscodeSettings } from "./repo-files.js";
import { catalogWorkflow, deployWorkflow } from "./workflows.js";

/** What to start. */
export interface InitInput {
  /** The repository folder. */
  dir: string;
  /** The catalog folder, from the repository root (default `catalog`). */
  catalog?: string;
  /** The first user's GitHub login and numeric id: the catalog admin and the organization's owner. */
  githubLogin: string;
  githubId: number;
  /** Their catalog user name (default: the login, lowercased, when it is a DNS label). */
  user?: string;
  /** The organization (default: the repository folder's name, when it is a DNS label; else `ml`). */
  org?: string;
  /** The catalog's title (default `ML catalog`: the title is on every page of the site, public too, so it names no organization by default). */
  title?: string;
  /** The organization's visibility (default `private`: a public site leaves it out). */
  visibility?: "public" | "private";
  /** The mlcat action the workflows run, `owner/repo@<commit-sha>` (default: the commit package-lock.json installed mlcat from). */
  action?: string;
}

/** One file `init` considered, and what it did. */
export interface InitFile {
  /** Path from the repository root (POSIX). */
  path: string;
  status: "created" | "updated" | "kept";
  text: string;
}

/** What `init` will write (or did). */
export interface InitPlan {
  files: InitFile[];
  /** Lines to tell the user. */
  notes: string[];
  catalog: string;
}

/** Work out the files; nothing is written. */
export function planInit(input: InitInput): Outcome<InitPlan> {
  const catalog = (input.catalog ?? "catalog").replace(/\/+$/, "");
  const user = input.user ?? input.githubLogin.toLowerCase();
  if (!isValidName(user))
    return refuseUsage(
      `"${user}" is not a catalog user name (a lowercase DNS label)`,
      "give one with --user <name>, e.g. --user alice",
    );
  const folder = basename(resolve(input.dir)).toLowerCase();
  const org = input.org ?? (isValidName(folder) ? folder : "ml");
  const orgName = checkName(org, "organization name");
  if (!orgName.ok) return orgName;
  const action = input.action ?? actionFromPackage(input.dir);
  if (action !== undefined && !isPinnedAction(action)) {
    return refuseUsage(
      `--action ${action} is not owner/repo@<commit-sha>`,
      "pin the mlcat action by its full 40-character commit SHA, e.g. --action acme/mlcat@0123456789abcdef0123456789abcdef01234567",
    );
  }
  // The scaffolds read only modeline settings from the context: an empty catalog stands in.
  const ctx = {
    ws: { dir: catalog, root: catalog, files: new Map(), catalog: new Catalog(catalog), loadDiagnostics: [] },
  } satisfies ScaffoldContext;
  const userPlan = scaffoldUser(ctx, { name: user, githubLogin: input.githubLogin, githubId: input.githubId });
  const orgPlan = scaffoldOrganization(ctx, {
    name: org,
    owner: user,
    description: `${org}'s machine learning.`,
    visibility: input.visibility ?? "private",
  });
  if (!userPlan.ok) return userPlan;
  if (!orgPlan.ok) return orgPlan;
  const settings = buildYaml(
    "The catalog's settings: its title, its admins (catalog user names), vocabularies and policy.",
    [
      { key: "title", value: input.title ?? "ML catalog" },
      {
        key: "siteUrl",
        value: undefined,
        comment: "Where the site is published (the deploy workflow passes GitHub Pages' URL):",
        example: "siteUrl: https://example.github.io/catalog/",
      },
      {
        key: "admins",
        value: [user],
        comment: "Catalog admins may change these settings, add organizations and users.",
      },
      {
        key: "tags",
        value: undefined,
        comment: "A tag vocabulary, once you want one:",
        example: "tags: [tabular, vision, nlp]",
      },
    ],
  );
  const wanted: Array<{ path: string; text: string | ((existing: string | undefined) => string) }> = [
    { path: `${catalog}/catalog.yaml`, text: settings },
    ...[...userPlan.value.changes, ...orgPlan.value.changes].map((c) => ({
      path: posix.join(catalog, c.relPath),
      text: String(c.content),
    })),
    { path: ".gitignore", text: gitignoreText },
    { path: ".vscode/settings.json", text: vscodeSettings(catalog) },
    { path: ".vscode/extensions.json", text: VSCODE_EXTENSIONS },
    { path: ".github/pull_request_template.md", text: PULL_REQUEST_TEMPLATE },
  ];
  const notes: string[] = [];
  if (action) {
    wanted.push({ path: ".github/workflows/catalog.yml", text: catalogWorkflow(action, catalog) });
    wanted.push({ path: ".github/workflows/deploy.yml", text: deployWorkflow(action, catalog) });
  } else {
    notes.push(
      "skipped the workflows: mlcat was not installed from a GitHub commit here; run mlcat init again with --action <owner>/mlcat@<commit-sha> (the mlcat you trust) to write them",
    );
  }
  const files: InitFile[] = wanted.map(({ path, text }) => {
    const abs = join(input.dir, ...path.split("/"));
    const existing = existsSync(abs) ? readFileSync(abs, "utf8") : undefined;
    if (typeof text === "function") {
      const next = text(existing);
      return { path, text: next, status: existing === undefined ? "created" : next === existing ? "kept" : "updated" };
    }
    return { path, text: existing ?? text, status: existing === undefined ? "created" : "kept" };
  });
  return succeed({ files, notes, catalog });
}

/** Write the plan's created and updated files (atomically; a file that appeared meanwhile is not overwritten). */
export async function writeInit(dir: string, plan: InitPlan): Promise<void> {
  for (const f of plan.files) {
    const abs = join(dir, ...f.path.split("/"));
    if (f.status === "created") await createFileAtomic(abs, f.text);
    else if (f.status === "updated") await replaceFileAtomic(abs, f.text);
  }
}
