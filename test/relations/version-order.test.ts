import { describe, expect, it } from "vitest";
import {
  compareOldestFirst,
  compareVersionTags,
  currentTag,
  newestInStage,
  nextTag,
  sortModelVersions,
  sortVersionTags,
  versionOfTag,
} from "../../src/relations/version-order.js";
import type { Stage } from "../../src/model/types.js";

describe("which tags are versions", () => {
  it.each([
    { tag: "1.2.0", version: "1.2.0" },
    { tag: "1.2", version: "1.2.0" },
    { tag: "1", version: "1.0.0" },
    { tag: "v1.2", version: "1.2.0" },
    { tag: "v2", version: "2.0.0" },
    { tag: "v1.2.3", version: "1.2.3" },
    { tag: "1.0.0-rc.1", version: "1.0.0-rc.1" },
    { tag: "1.0.0+build.5", version: "1.0.0" },
    { tag: "10.0.0", version: "10.0.0" },
    { tag: "s3-path", version: null },
    { tag: "py310-cuda12", version: null },
    { tag: "latest", version: null },
    { tag: "build-7", version: null },
    { tag: "all-spark", version: null },
    { tag: "1.2.3.4", version: null },
    { tag: "cuda-12.1", version: null },
  ])("$tag is $version", ({ tag, version }) => {
    expect(versionOfTag(tag)?.version ?? null).toBe(version);
  });
});

describe("the one tag order", () => {
  it.each([
    { name: "numbers compare as numbers", tags: ["2.0.0", "10.0.0", "9.1.0"], order: ["10.0.0", "9.1.0", "2.0.0"] },
    {
      name: "a release is newer than its prereleases, which follow semver precedence",
      tags: ["1.0.0-rc.1", "1.0.0", "1.0.0-rc.10", "1.0.0-beta", "0.9.0"],
      order: ["1.0.0", "1.0.0-rc.10", "1.0.0-rc.1", "1.0.0-beta", "0.9.0"],
    },
    {
      name: "names with digits are names, after every version, alphabetically",
      tags: ["s3-path", "latest", "py310-cuda12", "0.1.0", "gcs-path"],
      order: ["0.1.0", "gcs-path", "latest", "py310-cuda12", "s3-path"],
    },
    {
      name: "short and v-prefixed tags are read as versions, the exact tag first",
      tags: ["1.2", "v1.2", "1.2.0", "1.10", "v2"],
      order: ["v2", "1.10", "1.2.0", "1.2", "v1.2"],
    },
    {
      name: "build metadata does not make a version newer; the text decides between equals",
      tags: ["1.0.0+b", "1.0.0+a", "0.9.0"],
      order: ["1.0.0+a", "1.0.0+b", "0.9.0"],
    },
    {
      name: "a mixed corpus",
      tags: ["0.19.0", "1.1.3", "1.1", "1.2", "latest", "all-spark", "3.4.0", "custom", "1.2.0-rc.1", "1.10"],
      order: ["3.4.0", "1.10", "1.2", "1.2.0-rc.1", "1.1.3", "1.1", "0.19.0", "all-spark", "custom", "latest"],
    },
  ])("$name", ({ tags, order }) => {
    expect(sortVersionTags(tags)).toEqual(order);
    // The oldest-first order is the same order reversed for versions, names still alphabetical after them.
    const versions = order.filter((t) => versionOfTag(t) !== null);
    const names = order.filter((t) => versionOfTag(t) === null);
    expect([...tags].sort(compareOldestFirst)).toEqual([...versions.reverse(), ...names]);
  });

  it("is a total order: antisymmetric, and equal only for the same tag", () => {
    const tags = ["1.2", "1.2.0", "v1.2", "latest", "s3-path", "1.0.0-rc.1", "1.0.0+a", "1.0.0", "10.0.0"];
    for (const a of tags)
      for (const b of tags) {
        expect(Math.sign(compareVersionTags(a, b)) + Math.sign(compareVersionTags(b, a))).toBe(0);
        expect(compareVersionTags(a, b) === 0).toBe(a === b);
      }
  });

  it("does not change its input", () => {
    const tags = ["latest", "1.0.0"];
    sortVersionTags(tags);
    expect(tags).toEqual(["latest", "1.0.0"]);
  });
});

describe("a hub component's current tag", () => {
  const disabled = "disabled" as const;
  it.each([
    {
      name: "only named tags: latest",
      tags: ["s3-path", "latest", "gcs-path"],
      mutable: ["latest"],
      expected: "latest",
    },
    { name: "named tags, s3-path is no version", tags: ["s3-path", "py310-cuda12", "latest"], expected: "latest" },
    { name: "newest stable version", tags: ["1.1", "latest", "1.2", "0.19.0"], expected: "1.2" },
    { name: "10 is newer than 2", tags: ["2.0.0", "10.0.0"], expected: "10.0.0" },
    { name: "a stable version before a newer prerelease", tags: ["2.0.0-rc.1", "1.0.0"], expected: "1.0.0" },
    { name: "a prerelease before latest", tags: ["2.0.0-rc.1", "latest"], expected: "2.0.0-rc.1" },
    { name: "v-prefixed tags are versions", tags: ["v1.2", "latest", "1.1.0"], expected: "v1.2" },
    { name: "no version, no latest: first alphabetically", tags: ["scipy", "all-spark"], expected: "all-spark" },
    { name: "no tags", tags: [], expected: undefined },
    {
      name: "a mutable version tag follows releases: a fixed version first",
      tags: ["2", "1.5.0", "latest"],
      mutable: ["2", "latest"],
      expected: "1.5.0",
    },
    {
      name: "deprecated releases are passed over",
      tags: ["1.0.0", "2.0.0"],
      releases: [{ tag: "2.0.0", deprecated: { reason: "broken" } }],
      expected: "1.0.0",
    },
    {
      name: "disabled releases are passed over",
      tags: ["1.0.0", "2.0.0"],
      releases: [{ tag: "2.0.0", stage: disabled }],
      expected: "1.0.0",
    },
    {
      name: "every release disabled: the newest anyway",
      tags: ["2.0.0"],
      releases: [{ tag: "2.0.0", stage: disabled }],
      expected: "2.0.0",
    },
  ])("$name", ({ tags, mutable, releases, expected }) => {
    expect(currentTag(tags, { mutableTags: mutable ?? [], releases: releases ?? [] })).toBe(expected);
  });
});

describe("a model's versions", () => {
  const v = (name: string, stage: Stage) => ({ name, data: { stage } });
  const versions = [
    v("1.9.0", "production"),
    v("1.10.0", "staging"),
    v("2.0.0-rc.1", "testing"),
    v("1.2", "production"),
  ];

  it("sorts newest first", () => {
    expect(sortModelVersions(versions).map((x) => x.name)).toEqual(["2.0.0-rc.1", "1.10.0", "1.9.0", "1.2"]);
  });

  it.each([
    {
      what: "named tags, newest registered first",
      versions: [
        { name: "build-2", data: { createdAt: "2026-01-02T00:00:00Z" } },
        { name: "build-3", data: { createdAt: "2026-01-03T00:00:00Z" } },
        { name: "build-1", data: { stageHistory: [{ at: "2026-01-01T00:00:00Z" }] } },
      ],
      expected: ["build-3", "build-2", "build-1"],
    },
    {
      what: "date tags registered at one time, highest first",
      versions: [
        { name: "2024-05-01", data: { createdAt: "2026-01-01T00:00:00Z" } },
        { name: "2024-06-01", data: { createdAt: "2026-01-01T00:00:00Z" } },
      ],
      expected: ["2024-06-01", "2024-05-01"],
    },
    {
      what: "named tags with no time, in natural order",
      versions: [{ name: "build-9" }, { name: "build-10" }, { name: "build-2" }],
      expected: ["build-10", "build-9", "build-2"],
    },
    {
      what: "versions before named tags",
      versions: [{ name: "nightly", data: { createdAt: "2026-02-01T00:00:00Z" } }, { name: "1.0.0" }],
      expected: ["1.0.0", "nightly"],
    },
  ] as Array<{ what: string; versions: Array<{ name: string; data?: object }>; expected: string[] }>)(
    "sorts $what",
    ({ versions: named, expected }) => {
      expect(sortModelVersions(named).map((x) => x.name)).toEqual(expected);
    },
  );

  it.each([
    { stage: "production" as const, expected: "1.9.0" },
    { stage: "staging" as const, expected: "1.10.0" },
    { stage: "testing" as const, expected: "2.0.0-rc.1" },
    { stage: "disabled" as const, expected: undefined },
  ])("the newest in $stage is $expected", ({ stage, expected }) => {
    expect(newestInStage(versions, stage)?.name).toBe(expected);
  });
});

describe("the next tag to suggest", () => {
  it.each([
    { tag: "1.2.0", next: "1.2.1" },
    { tag: "1.0.0-rc.1", next: "1.0.0" },
    { tag: "1.2", next: undefined },
    { tag: "latest", next: undefined },
    { tag: "s3-path", next: undefined },
  ])("after $tag: $next", ({ tag, next }) => {
    expect(nextTag(tag)).toBe(next);
  });
});
