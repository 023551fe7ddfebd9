import { describe, expect, it } from "vitest";
import { severitySettingsCheck } from "../../src/checks/severity-settings.js";
import { applySeveritySettings, readSeveritySettings, relativeToCatalog } from "../../src/report/severity-settings.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { compileGlob } from "../../src/text/path-glob.js";
import { BASE } from "../helpers/catalog.js";
import { runRule } from "./run-rule.js";

describe("path globs", () => {
  const MATCHES: Array<[glob: string, path: string, matches: boolean]> = [
    ["orgs/polyaxon/**", "orgs/polyaxon/components/kaniko/versions/1.1.yaml", true],
    ["orgs/polyaxon/**", "orgs/polyaxon/organization.yaml", true],
    ["orgs/polyaxon/**", "orgs/polyaxon-labs/organization.yaml", false],
    ["orgs/polyaxon/**", "orgs/polyaxon", false],
    ["orgs/*/organization.yaml", "orgs/acme/organization.yaml", true],
    ["orgs/*/organization.yaml", "orgs/acme/teams/organization.yaml", false],
    ["orgs/**/versions/*.yaml", "orgs/acme/components/train/versions/1.0.0.yaml", true],
    ["orgs/**/versions/*.yaml", "orgs/versions/a.yaml", true],
    ["orgs/acme/components/train/versions/1.?.0.yaml", "orgs/acme/components/train/versions/1.2.0.yaml", true],
    ["orgs/acme/components/train/versions/1.?.0.yaml", "orgs/acme/components/train/versions/1x0.yaml", false],
    ["orgs/{acme,beta}/**", "orgs/beta/organization.yaml", true],
    ["orgs/{acme,beta}/**", "orgs/gamma/organization.yaml", false],
    ["orgs/[a-c]*/**", "orgs/beta/organization.yaml", true],
    ["orgs/[!a-c]*/**", "orgs/beta/organization.yaml", false],
    ["**/README.md", "README.md", true],
    ["**/README.md", "orgs/acme/projects/churn/README.md", true],
    ["**", "users/alice.yaml", true],
    // A dot is a dot, and a path is compared whole.
    ["users/a.yaml", "users/abyaml", false],
    ["users/alice", "users/alice.yaml", false],
    ["Users/*.yaml", "users/alice.yaml", false],
  ];
  it.each(MATCHES)("%s against %s: %s", (glob, path, matches) => {
    const compiled = compileGlob(glob);
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(compiled.test(path)).toBe(matches);
  });

  const INVALID: Array<[glob: string, reason: RegExp]> = [
    ["", /empty/],
    ["/orgs/acme/**", /starts with `\/`/],
    ["orgs\\acme\\**", /backslash/],
    ["orgs//acme", /empty path segment/],
    ["orgs/acme/", /empty path segment/],
    ["../orgs/**", /`\.\.` segment/],
    ["./orgs/**", /`\.` segment/],
    ["orgs/a**/x", /whole path segment/],
    ["orgs/[abc/x", /no closing `\]`/],
    ["orgs/abc]/x", /no opening `\[`/],
    ["orgs/{a,b/x", /no closing `\}`/],
    ["orgs/a,b}/x", /no opening `\{`/],
    ["orgs/{a,{b,c}}/x", /do not nest/],
    ["orgs/[!]/x", /empty/],
  ];
  it.each(INVALID)("refuses %j", (glob, reason) => {
    const compiled = compileGlob(glob);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.reason).toMatch(reason);
  });
});

const CATALOG = (severity: string) => `title: Test catalog\nadmins: [alice]\nseverity:\n${severity}`;

describe("the severity-settings check", () => {
  const CASES: Array<{
    name: string;
    severity: string;
    expected: Array<{ code: string; line: number; column: number; message?: RegExp; hint?: RegExp }>;
  }> = [
    {
      name: "settings that name known codes and globs that match files",
      severity: `  - files: ["orgs/acme/**"]\n    codes: { spec/name-differs: off, version/unpinned-image: info }\n`,
      expected: [],
    },
    {
      name: "an unknown code, with the closest one",
      severity: `  - files: ["orgs/acme/**"]\n    codes:\n      spec/name-differ: off\n      version/unpined-image: info\n`,
      expected: [
        { code: "severity/unknown-code", line: 6, column: 7, message: /did you mean "spec\/name-differs"/ },
        { code: "severity/unknown-code", line: 7, column: 7, message: /did you mean "version\/unpinned-image"/ },
      ],
    },
    {
      name: "codes whose severity is fixed: schema, references, secrets, its own",
      severity: `  - files: ["**"]\n    codes:\n      schema/required: warning\n      ref/unknown-user: off\n      secret/detected: info\n      severity/unknown-code: off\n`,
      expected: [
        { code: "severity/fixed-code", line: 6, column: 7, message: /fails its schema/ },
        { code: "severity/fixed-code", line: 7, column: 7, message: /reference/ },
        { code: "severity/fixed-code", line: 8, column: 7, message: /fingerprint/ },
        { code: "severity/fixed-code", line: 9, column: 7, message: /cannot silence/ },
      ],
    },
    {
      name: "a glob mlcat does not read, among good ones",
      severity: `  - files: ["orgs/acme/**", "/orgs/acme/**"]\n    codes: { spec/name-differs: off }\n`,
      expected: [{ code: "severity/invalid-glob", line: 4, column: 29, message: /starts with `\/`/ }],
    },
    {
      name: "a glob mlcat does not read beside one that matches no file: both reported",
      severity: `  - files: ["orgs/acmee/**", "/orgs/acme/**"]\n    codes: { spec/name-differs: off }\n`,
      expected: [
        { code: "severity/unmatched-glob", line: 4, column: 13, hint: /correct the path/ },
        { code: "severity/invalid-glob", line: 4, column: 30, message: /starts with `\/`/ },
      ],
    },
    {
      name: "a glob that matches no file, and a folder written without /**",
      severity: `  - files: ["orgs/acmee/**", "orgs/acme/components"]\n    codes: { spec/name-differs: off }\n`,
      expected: [
        { code: "severity/unmatched-glob", line: 4, column: 13, hint: /correct the path/ },
        { code: "severity/unmatched-glob", line: 4, column: 30, hint: /"orgs\/acme\/components\/\*\*"/ },
      ],
    },
  ];
  it.each(CASES)("$name", ({ severity, expected }) => {
    const ds = runRule(severitySettingsCheck, { ...BASE, "catalog.yaml": CATALOG(severity) });
    expect(ds.map(({ code, line, column }) => ({ code, line, column }))).toEqual(
      expected.map(({ code, line, column }) => ({ code, line, column })),
    );
    ds.forEach((d, i) => {
      expect(d.file).toBe("catalog/catalog.yaml");
      if (expected[i]!.message) expect(d.message).toMatch(expected[i]!.message!);
      if (expected[i]!.hint) expect(d.hint).toMatch(expected[i]!.hint!);
    });
  });
});

const diag = (code: Diagnostic["code"], file: string, severity: Diagnostic["severity"] = "warning"): Diagnostic => ({
  code,
  severity,
  file,
  line: 1,
  column: 1,
  message: "m",
  hint: "h",
});

describe("applying severity settings", () => {
  const POLYAXON = "catalog/orgs/polyaxon/components/kaniko/versions/1.1.yaml";
  const ACME = "catalog/orgs/acme/components/train/versions/1.0.0.yaml";
  const CASES: Array<{
    name: string;
    settings: unknown;
    input: Diagnostic[];
    expected: Array<[code: string, file: string, severity: string]>;
  }> = [
    {
      name: "off drops, a level sets, only in the matching files",
      settings: [
        { files: ["orgs/polyaxon/**"], codes: { "spec/name-differs": "off", "version/unpinned-image": "info" } },
      ],
      input: [
        diag("spec/name-differs", POLYAXON, "info"),
        diag("version/unpinned-image", POLYAXON),
        diag("version/unpinned-image", ACME),
      ],
      expected: [
        ["version/unpinned-image", POLYAXON, "info"],
        ["version/unpinned-image", ACME, "warning"],
      ],
    },
    {
      name: "the last entry that matches a file and names the code wins",
      settings: [
        { files: ["**"], codes: { "version/unpinned-image": "error" } },
        { files: ["orgs/polyaxon/**"], codes: { "version/unpinned-image": "off" } },
        { files: ["orgs/acme/**"], codes: { "spec/name-differs": "off" } },
      ],
      input: [diag("version/unpinned-image", POLYAXON), diag("version/unpinned-image", ACME)],
      expected: [["version/unpinned-image", ACME, "error"]],
    },
    {
      name: "raising a warning to an error",
      settings: [{ files: ["orgs/acme/**"], codes: { "spec/name-mistake": "error" } }],
      input: [diag("spec/name-mistake", ACME)],
      expected: [["spec/name-mistake", ACME, "error"]],
    },
    {
      name: "fixed and unknown codes, entries with a broken glob, and files outside the catalog change nothing",
      settings: [
        { files: ["**"], codes: { "schema/required": "off", "no/such-code": "off" } },
        { files: ["**", "/abs"], codes: { "version/unpinned-image": "off" } },
        { files: ["**"], codes: { "spec/name-differs": "loud" } },
        { files: "**", codes: { "version/identical": "off" } },
      ],
      input: [
        diag("schema/required", ACME, "error"),
        diag("version/unpinned-image", ACME),
        diag("spec/name-differs", ACME, "info"),
        diag("version/identical", ACME),
        diag("pr/permission-denied", "elsewhere/catalog.yaml", "error"),
      ],
      expected: [
        ["schema/required", ACME, "error"],
        ["version/unpinned-image", ACME, "warning"],
        ["spec/name-differs", ACME, "info"],
        ["version/identical", ACME, "warning"],
        ["pr/permission-denied", "elsewhere/catalog.yaml", "error"],
      ],
    },
  ];
  it.each(CASES)("$name", ({ settings, input, expected }) => {
    const applied = applySeveritySettings(input, readSeveritySettings({ severity: settings }), "catalog");
    expect(applied.map((d) => [d.code, d.file, d.severity])).toEqual(expected);
  });

  it.each([
    ["catalog/orgs/a.yaml", "catalog", "orgs/a.yaml"],
    ["catalog/orgs/a.yaml", "catalog/", "orgs/a.yaml"],
    ["sub/catalog/users/x.yaml", "sub/catalog", "users/x.yaml"],
    ["users/x.yaml", ".", "users/x.yaml"],
    ["catalogue/users/x.yaml", "catalog", undefined],
    ["../users/x.yaml", ".", undefined],
  ])("%s under %s is %s", (file, root, rel) => {
    expect(relativeToCatalog(file, root)).toBe(rel);
  });
});
