import { describe, expect, it } from "vitest";
import { loadSchemas } from "../../src/schemas/index.js";
import type {
  ArtifactData,
  CatalogData,
  ComponentData,
  ComponentSpecData,
  ConnectionData,
  ExperimentData,
  IoData,
  MemberRole,
  ModelData,
  ModelVersionData,
  OrganizationData,
  ProjectData,
  Quotas,
  ReleaseData,
  RepositoryData,
  TeamData,
  TeamRole,
  UserData,
} from "../../src/model/types.js";

// The type side of the contract: `satisfies` fails to compile when a field of
// src/model/types.ts is added, removed, or changes between optional and required.
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Shape<T> = { [K in keyof T]-?: K extends RequiredKeys<T> ? "required" : "optional" };

const CONTRACT: Record<string, Record<string, "required" | "optional">> = {
  "catalog.schema.json#": {
    title: "required",
    description: "optional",
    siteUrl: "optional",
    repository: "optional",
    admins: "required",
    vocabularies: "optional",
    policy: "optional",
    externalHubs: "optional",
    severity: "optional",
  } satisfies Shape<CatalogData>,
  "catalog.schema.json#/properties/repository": {
    url: "required",
    branch: "optional",
    path: "optional",
    host: "optional",
    links: "optional",
  } satisfies Shape<RepositoryData>,
  "user.schema.json#": {
    name: "required",
    displayName: "optional",
    github: "optional",
    email: "optional",
    bio: "optional",
  } satisfies Shape<UserData>,
  "organization.schema.json#": {
    name: "required",
    displayName: "optional",
    description: "optional",
    visibility: "required",
    website: "optional",
    members: "required",
    delegations: "optional",
    quotas: "optional",
  } satisfies Shape<OrganizationData>,
  "team.schema.json#": {
    name: "required",
    description: "optional",
    members: "required",
    projects: "optional",
    quotas: "optional",
  } satisfies Shape<TeamData>,
  "connection.schema.json#": {
    name: "required",
    kind: "required",
    description: "optional",
    tags: "optional",
    schema: "optional",
    secret: "optional",
    configMap: "optional",
    env: "optional",
    annotations: "optional",
  } satisfies Shape<ConnectionData>,
  "project.schema.json#": {
    name: "required",
    description: "optional",
    tags: "optional",
    visibility: "optional",
    owner: "required",
    team: "optional",
    teams: "optional",
    members: "optional",
    connections: "optional",
  } satisfies Shape<ProjectData>,
  "component.schema.json#": {
    name: "required",
    description: "optional",
    tags: "optional",
    visibility: "optional",
    owner: "required",
    team: "optional",
    maintainers: "optional",
    teams: "optional",
    members: "optional",
    mutableTags: "optional",
    releases: "optional",
  } satisfies Shape<ComponentData>,
  "component.schema.json#/$defs/release": {
    tag: "required",
    stage: "optional",
    notes: "optional",
    releasedAt: "optional",
    deprecated: "optional",
    source: "optional",
  } satisfies Shape<ReleaseData>,
  "model.schema.json#": {
    name: "required",
    description: "optional",
    task: "optional",
    framework: "optional",
    license: "optional",
    tags: "optional",
    visibility: "optional",
    owner: "required",
    team: "optional",
    teams: "optional",
    members: "optional",
  } satisfies Shape<ModelData>,
  "model-version.schema.json#": {
    name: "required",
    description: "optional",
    stage: "required",
    stageHistory: "required",
    lineage: "optional",
    artifacts: "optional",
    metrics: "optional",
    signature: "optional",
    createdAt: "optional",
    createdBy: "optional",
  } satisfies Shape<ModelVersionData>,
  "experiment.schema.json#": {
    name: "required",
    description: "optional",
    component: "required",
    params: "optional",
    metrics: "optional",
    artifacts: "optional",
    code: "optional",
    status: "required",
    startedAt: "optional",
    finishedAt: "optional",
    createdBy: "optional",
    tags: "optional",
  } satisfies Shape<ExperimentData>,
  "component-spec.schema.json#": {
    version: "optional",
    kind: "required",
    name: "optional",
    description: "optional",
    tags: "optional",
    presets: "optional",
    queue: "optional",
    namespace: "optional",
    cache: "optional",
    termination: "optional",
    plugins: "optional",
    build: "optional",
    hooks: "optional",
    template: "optional",
    isApproved: "optional",
    cost: "optional",
    mount: "optional",
    inputs: "optional",
    outputs: "optional",
    run: "required",
  } satisfies Shape<ComponentSpecData>,
  "component-spec.schema.json#/$defs/io": {
    name: "required",
    description: "optional",
    type: "optional",
    isOptional: "optional",
    isList: "optional",
    isFlag: "optional",
    argFormat: "optional",
    connection: "optional",
    toInit: "optional",
    toEnv: "optional",
    value: "optional",
    validation: "optional",
    delayValidation: "optional",
    options: "optional",
  } satisfies Shape<IoData>,
  "common.schema.json#/$defs/memberRole": { user: "required", role: "required" } satisfies Shape<MemberRole>,
  "common.schema.json#/$defs/teamRole": { team: "required", role: "required" } satisfies Shape<TeamRole>,
  "common.schema.json#/$defs/quotas": {
    projects: "optional",
    models: "optional",
    components: "optional",
    resources: "optional",
  } satisfies Shape<Quotas>,
  "common.schema.json#/$defs/artifact": {
    name: "required",
    uri: "required",
    kind: "optional",
    connection: "optional",
    size: "optional",
    sha256: "optional",
  } satisfies Shape<ArtifactData>,
};

function schemaAt(ref: string): Record<string, unknown> {
  const [file, pointer = ""] = ref.split("#") as [string, string?];
  let node: unknown = loadSchemas().get(file);
  for (const seg of pointer.split("/").filter(Boolean)) node = (node as Record<string, unknown>)[seg];
  return node as Record<string, unknown>;
}

describe("the schemas match the data contract of src/model/types.ts", () => {
  it.each(Object.entries(CONTRACT))("%s", (ref, shape) => {
    const schema = schemaAt(ref);
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.entries(shape)
      .filter(([, v]) => v === "required")
      .map(([k]) => k);
    expect([...((schema.required as string[] | undefined) ?? [])].sort()).toEqual(required.sort());
  });
});
