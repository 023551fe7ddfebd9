/** Synthetic hub components: entry (owners, releases in every stage, deprecations), versions and README. */
import { entityFolder, entityPath } from "../../dist/model/kinds.js";
import type { Stage } from "../../dist/model/types.js";
import { dataYaml } from "../../dist/yaml-writer/build.js";
import { isoTime, type GenContext, type GenComponent, type GenOrg } from "./gen-context.ts";
import { inputsOf, specYaml } from "./gen-specs.ts";
import { NamePool } from "./name-pool.ts";
import { COMPONENT_ACTIONS, DOMAINS, FRAMEWORKS, SENTENCES, TAG_VOCABULARY } from "./words.ts";

/** The semver tag of the `i`-th release: 0.1.0, 0.2.0, 1.0.0, 1.1.0, ... */
export function semverTag(i: number): string {
  if (i < 2) return `0.${i + 1}.0`;
  const major = 1 + Math.floor((i - 2) / 4);
  return `${major}.${(i - 2) % 4}.0`;
}

/** Stages of `n` releases, oldest first: old ones disabled, then production, staging and testing for the newest. */
function stagesOf(n: number): Stage[] {
  const newest: Stage[] =
    n >= 3 ? ["production", "staging", "testing"] : n === 2 ? ["production", "testing"] : ["testing"];
  return [...Array.from({ length: n - newest.length }, () => "disabled" as Stage), ...newest];
}

/** Make one hub component of `org` with `versionCount` versions; records one event for it. */
export function generateComponent(ctx: GenContext, org: GenOrg, pool: NamePool, versionCount: number): GenComponent {
  const { random } = ctx;
  const framework = random.pick(FRAMEWORKS);
  const name = pool.take(`${random.pick([framework, random.pick(DOMAINS)])}-${random.pick(COMPONENT_ACTIONS)}`);
  const admins = ctx.membersOf(org, ["owner", "manager", "admin"]);
  const members = ctx.membersOf(org);
  const owner = random.pick(admins.length > 0 ? admins : members);
  const team = random.chance(0.8) ? random.pick(org.teams) : undefined;
  if (team) org.owned.get(team)!.components++;
  const tags = random.sample(TAG_VOCABULARY, random.int(1, 4));
  const offset = random.int(0, 11);
  const component: GenComponent = { org: org.name, name, versions: [], inputs: new Map() };
  const author = owner;
  const files: Record<string, string> = {};
  const dir = entityFolder("Component", { org: org.name, name });
  const versionPath = (tag: string) => entityPath("ComponentVersion", { org: org.name, parent: name, name: tag });
  const stages = stagesOf(versionCount);
  const hasLatest = versionCount >= 2 && random.chance(0.2);
  const releases: Record<string, unknown>[] = [];
  const now = ctx.tick();
  for (let i = 0; i < versionCount; i++) {
    const tag = semverTag(i);
    const inputs = inputsOf(i, offset);
    component.versions.push(tag);
    component.inputs.set(tag, inputs);
    files[versionPath(tag)] = specYaml({
      name,
      description: `${cap(framework)} ${name.split("-").pop()} step, release ${tag}.`,
      tags: random.sample(TAG_VOCABULARY, 2),
      inputs,
      image: `ghcr.io/${org.name}/${name}:${tag}`,
      module: `${org.name.replace(/-/g, "_")}.${name.replace(/-/g, "_")}`,
    });
    const stage = stages[i]!;
    const next = i + 1 < versionCount ? semverTag(i + 1) : undefined;
    releases.push({
      tag,
      stage,
      releasedAt: isoTime(now - (versionCount - 1 - i) * 2 * 24 * 3600_000),
      notes: i === 0 ? "First release." : `Adds the ${inputs[inputs.length - 1]!.name} input.`,
      ...(stage === "disabled" &&
        next !== undefined && {
          deprecated: { reason: "Superseded; retrain with a newer release.", replacement: next },
        }),
    });
  }
  if (hasLatest) {
    const newest = component.versions[component.versions.length - 1]!;
    files[versionPath("latest")] = files[versionPath(newest)]!;
    component.inputs.set("latest", component.inputs.get(newest)!);
    releases.push({ tag: "latest", notes: `Follows the newest release, currently ${newest}.` });
  }
  files[entityPath("Component", { org: org.name, name })] = dataYaml(
    {
      name,
      description: `${cap(framework)} ${name.split("-").pop()} component for ${random.pick(DOMAINS)} work. ${random.pick(SENTENCES)}`,
      tags,
      owner,
      ...(team !== undefined && { team }),
      maintainers: [...new Set([owner, ...random.sample(members, random.int(0, 2))])],
      ...(hasLatest && { mutableTags: ["latest"] }),
      releases,
    },
    ["A hub entry: ownership, release stages and notes around the versions/<tag>.yaml specs."],
  );
  if (random.chance(0.7))
    files[`${dir}/README.md`] = readme(name, `A ${framework} component. ${random.pick(SENTENCES)}`, component.versions);
  ctx.emit(
    author,
    `Add hub component ${org.name}/${name} (${versionCount} version${versionCount === 1 ? "" : "s"})`,
    files,
  );
  org.components.push(component);
  return component;
}

function readme(name: string, summary: string, versions: string[]): string {
  return [
    `# ${name}`,
    "",
    summary,
    "",
    "## Usage",
    "",
    "```yaml",
    `hubRef: ${name}:${versions[versions.length - 1]}`,
    "```",
    "",
    "## Versions",
    "",
    ...versions.map((v) => `- ${v}`),
    "",
  ].join("\n");
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
