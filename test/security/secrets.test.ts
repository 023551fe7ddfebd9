import { describe, expect, it } from "vitest";
import { fingerprintSecret, makeAllowlist, readSecretsAllowlist } from "../../src/secrets/allowlist.js";
import { isPlaceholder, looksRandom } from "../../src/secrets/placeholders.js";
import { scanText } from "../../src/secrets/scan-text.js";
import { secretsCheck } from "../../src/checks/secrets-check.js";
import { CHECKS } from "../../src/checks/index.js";
import { BASE, validateFiles, where } from "../helpers/catalog.js";
import { FAKE, fakePem, randomChars, utf16be, utf16le } from "./fake-secrets.js";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { runCli, writeTree } from "../helpers/cli.js";

const found = (text: string) => scanText(text).map((f) => ({ id: f.detector.id, line: f.line, column: f.column }));

describe("scanText finds each kind of credential at its line and column", () => {
  const cases: Array<[string, string, string, number, number]> = [
    ["GitHub classic token", `token: ${FAKE.github}`, "github-token", 1, 8],
    ["GitHub fine-grained token", `auth:\n  pat: "${FAKE.githubPat}"`, "github-token", 2, 9],
    [
      "Hugging Face token in a command",
      `command: [huggingface-cli, login, --token, ${FAKE.huggingface}]`,
      "huggingface-token",
      1,
      44,
    ],
    ["AWS access key id", `env: { AWS_ACCESS_KEY_ID: ${FAKE.awsAccessKey} }`, "aws-access-key", 1, 27],
    ["AWS session key id", `id: ${FAKE.awsSession}`, "aws-access-key", 1, 5],
    ["Slack bot token", `webhook: ${FAKE.slack}`, "slack-token", 1, 10],
    ["Google API key", `maps: ${FAKE.google}`, "google-api-key", 1, 7],
    ["OpenAI-style key", `export OPENAI_API_KEY=${FAKE.openai}`, "openai-key", 1, 23],
    ["JWT", `Authorization: Bearer ${FAKE.jwt}`, "jwt", 1, 23],
    ["AWS secret key under its key", `aws_secret_access_key: ${FAKE.awsSecret}`, "keyed-secret", 1, 24],
    ["password under a JSON key", `{"db_password": "${FAKE.password}"}`, "keyed-secret", 1, 18],
    ["password in a URL", `uri: postgres://app:${FAKE.password}@db.internal:5432/app`, "url-credentials", 1, 21],
    [
      "a secret environment variable (block style)",
      `env:\n  - name: DB_PASSWORD\n    value: "${FAKE.password}"`,
      "keyed-secret",
      3,
      13,
    ],
    [
      "a secret environment variable (flow style)",
      `env: [{ name: HF_TOKEN, value: ${FAKE.awsSecret} }]`,
      "keyed-secret",
      1,
      32,
    ],
    ["PEM private key in a block scalar", `key: |\n${fakePem("  ")}\n`, "private-key", 2, 3],
    ["PEM private key in one escaped line", `key: "${fakePem().replace(/\n/g, "\\n")}"`, "private-key", 1, 7],
  ];
  it.each(cases)("%s", (_name, text, id, line, column) => {
    expect(found(text)).toEqual([{ id, line, column }]);
  });
});

describe("obvious placeholders and examples pass", () => {
  const pass: Array<[string, string]> = [
    ["angle-bracket placeholder", "token: <your-token>"],
    ["x-ed out token", `token: ghp_${"x".repeat(36)}`],
    ["zeros", `AWS_ACCESS_KEY_ID: AKIA${"0".repeat(16)}`],
    ["changeme", "password: changeme"],
    ["the word password", "password: password"],
    ["shell variable", "password: ${DB_PASSWORD}"],
    ["bare variable", "token: $HF_TOKEN"],
    ["Polyaxon template", "token: \"{{ connections['hf'].token }}\""],
    ["GitHub Actions secret", "token: ${{ secrets.HF_TOKEN }}"],
    [
      "AWS documentation example",
      "aws_access_key_id: AKIAIOSFODNN7EXAMPLE\naws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ],
    [
      "jwt.io sample",
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ],
    ["sequential digits", "api_key: sk-1234567890abcdefghijklmn"],
    ["ellipsis", "token: hf_abc...xyz"],
    ["a secret named, not given", "secret: { name: aws-credentials }"],
    ["empty notebook token", 'args: ["--NotebookApp.token=", "--NotebookApp.password="]'],
    ["a key that is not a secret", "tokenizer: bert-base-uncased-v2-whole-word"],
    ["a secret's name with dashes", "secretKey: my-service-account-key-name"],
    ["a path under a key", "key_file: /etc/ssl/private/server-2024.key"],
    ["a PEM header in prose", "Paste your key, starting with -----BEGIN RSA PRIVATE KEY-----, into the secret."],
    ["a PEM block with a placeholder body", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"],
    ["scikit-learn", "sk-learn and sk-learn-intelex are libraries"],
    ["a short password", "password: hunter2"],
    [
      "an environment variable from a secret",
      "env:\n  - name: HF_TOKEN\n    valueFrom: { secretKeyRef: { name: hf, key: token } }",
    ],
    ["an environment variable from a template", 'env:\n  - name: API_KEY\n    value: "{{ api_key }}"'],
    ["an environment variable that is not secret", "env:\n  - name: BUCKET\n    value: s3AcmeData2024Raw-Files"],
  ];
  it.each(pass)("%s", (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it("placeholder and randomness rules, directly", () => {
    expect([isPlaceholder("<token>"), isPlaceholder("REDACTED"), isPlaceholder(FAKE.github)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([looksRandom(FAKE.awsSecret), looksRandom("my-bucket-name-for-data"), looksRandom("abc", 2)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe("the secrets check of mlcat validate", () => {
  const withSecrets = {
    ...BASE,
    "orgs/acme/projects/churn/project.yaml": `${BASE["orgs/acme/projects/churn/project.yaml"]}# hf token: ${FAKE.huggingface}\n`,
    "orgs/acme/projects/churn/README.md": `# Churn\n\nRun with\n\n    export GITHUB_TOKEN=${FAKE.github}\n`,
  };

  it("runs as one of the checks, reporting YAML files and READMEs", () => {
    expect(CHECKS).toContain(secretsCheck);
    expect(where(validateFiles(withSecrets).filter((d) => d.code === "secret/detected"))).toEqual([
      { code: "secret/detected", file: "catalog/orgs/acme/projects/churn/README.md", line: 5, column: 25 },
      { code: "secret/detected", file: "catalog/orgs/acme/projects/churn/project.yaml", line: 6, column: 13 },
    ]);
  });

  it("never prints the secret, and tells the user to revoke it first", () => {
    const [d] = validateFiles(withSecrets).filter(
      (x) => x.file.endsWith("project.yaml") && x.code === "secret/detected",
    );
    expect(JSON.stringify(d)).not.toContain(FAKE.huggingface.slice(3));
    expect(d!.message).toMatchInlineSnapshot(
      `"this looks like a Hugging Face token (hf_…, 37 characters): credentials must never be committed"`,
    );
    expect(d!.hint.replace(/sha256:[0-9a-f]+/, "sha256:…")).toMatchInlineSnapshot(
      `"revoke it in Hugging Face (Settings > Access Tokens > Invalidate) NOW, then remove it (deleting it is not enough: it stays in git history and may already have been copied); refer to secrets by name instead (a connection's secret.name). If it is a public example value, a catalog admin can list its fingerprint sha256:… under policy.secretsAllowlist in catalog.yaml on the base branch"`,
    );
  });

  it("honours the catalog's own allowlist, by fingerprint and nothing else", () => {
    const catalogYaml = (fingerprint: string) =>
      `${BASE["catalog.yaml"]}policy:\n  secretsAllowlist:\n    - fingerprint: ${fingerprint}\n      reason: the vendor's public sandbox token\n`;
    const allowed = { ...withSecrets, "catalog.yaml": catalogYaml(fingerprintSecret(FAKE.huggingface)) };
    expect(
      validateFiles(allowed)
        .filter((d) => d.code === "secret/detected")
        .map((d) => d.file),
    ).toEqual(["catalog/orgs/acme/projects/churn/README.md"]);
    const other = { ...withSecrets, "catalog.yaml": catalogYaml(fingerprintSecret(randomChars(20))) };
    expect(validateFiles(other).filter((d) => d.code === "secret/detected")).toHaveLength(2);
  });

  it("reads a malformed allowlist as allowing nothing", () => {
    expect(
      readSecretsAllowlist({ policy: { secretsAllowlist: [{ fingerprint: "md5:abc" }, "sha256:00", null] } }).size,
    ).toBe(0);
    expect(readSecretsAllowlist({ policy: { secretsAllowlist: "everything" } }).size).toBe(0);
    expect(makeAllowlist([fingerprintSecret("x")]).allows("x")).toBe(true);
  });

  it("the schema accepts a well-formed allowlist and rejects a bare value", () => {
    const ok = {
      ...BASE,
      "catalog.yaml": `${BASE["catalog.yaml"]}policy:\n  secretsAllowlist:\n    - fingerprint: ${fingerprintSecret("x")}\n      reason: example\n`,
    };
    expect(validateFiles(ok)).toEqual([]);
    const bad = {
      ...BASE,
      "catalog.yaml": `${BASE["catalog.yaml"]}policy:\n  secretsAllowlist:\n    - fingerprint: ${FAKE.github}\n      reason: example\n`,
    };
    expect(where(validateFiles(bad)).map((d) => d.code)).toEqual(["schema/pattern", "secret/detected"]);
  });
});

describe("the secrets check reads every catalog file: UTF-16 by its byte-order mark, files it cannot parse, and every path", () => {
  const README = "orgs/acme/projects/churn/README.md";
  const masked = (value: string) => "*".repeat(value.length);
  const secretsIn = (files: Record<string, string | Uint8Array>) =>
    where(validateFiles({ ...BASE, ...files }).filter((d) => d.code === "secret/detected"));
  const at = (file: string, line: number, column: number) => ({
    code: "secret/detected",
    file: `catalog/${file}`,
    line,
    column,
  });

  const cases: Array<[string, Record<string, string | Uint8Array>, Array<ReturnType<typeof at>>]> = [
    [
      "a UTF-16LE README (byte-order mark FF FE)",
      { [README]: utf16le(`# Churn\n\nexport GITHUB_TOKEN=${FAKE.github}\n`) },
      [at(README, 3, 21)],
    ],
    [
      "a UTF-16BE connection file (byte-order mark FE FF)",
      { "orgs/acme/connections/extra.yaml": utf16be(`name: extra\nkind: s3\ntoken: ${FAKE.jwt}\n`) },
      [at("orgs/acme/connections/extra.yaml", 3, 8)],
    ],
    [
      "a UTF-16LE file with Windows line ends, at a path of no kind",
      { "orgs/acme/notes.txt": utf16le(`notes\r\naws: ${FAKE.awsAccessKey}\r\n`) },
      [at("orgs/acme/notes.txt", 2, 6)],
    ],
    [
      "a UTF-8 file at a path of no kind",
      { "orgs/acme/notes.txt": `hf: ${FAKE.huggingface}\n` },
      [at("orgs/acme/notes.txt", 1, 5)],
    ],
    [
      "a YAML file that does not parse",
      { "orgs/acme/teams/broken.yaml": `name: [broken\ntoken: ${FAKE.openai}\n` },
      [at("orgs/acme/teams/broken.yaml", 2, 8)],
    ],
    [
      "a README no project owns",
      { "orgs/acme/projects/ghost/README.md": `key: ${FAKE.google}\n` },
      [at("orgs/acme/projects/ghost/README.md", 1, 6)],
    ],
    [
      "a token as a file name in the catalog",
      { [`orgs/acme/${FAKE.huggingface}.txt`]: "notes\n" },
      [at(`orgs/acme/${masked(FAKE.huggingface)}.txt`, 1, 1)],
    ],
    [
      "a token as a folder name in the catalog",
      { [`orgs/acme/${FAKE.slack}/notes.md`]: "notes\n" },
      [at(`orgs/acme/${masked(FAKE.slack)}/notes.md`, 1, 1)],
    ],
    [
      "a token as the name of an entity file",
      { [`users/${FAKE.github}.yaml`]: "name: carol\n" },
      [at(`users/${masked(FAKE.github)}.yaml`, 1, 1)],
    ],
    // Placeholders stay allowed in every form.
    [
      "a placeholder in a UTF-16LE README",
      { [README]: utf16le("# Churn\n\ntoken: <your-token>\npassword: ${DB_PASSWORD}\n") },
      [],
    ],
    [
      "a documentation example in a UTF-16BE file",
      { "orgs/acme/notes.txt": utf16be("aws_access_key_id: AKIAIOSFODNN7EXAMPLE\n") },
      [],
    ],
    ["an x-ed out token as a file name", { [`orgs/acme/ghp_${"x".repeat(36)}.txt`]: "notes\n" }, []],
    ["a placeholder as a folder name", { "orgs/acme/your-token-here/notes.md": "notes\n" }, []],
  ];
  it.each(cases)("%s", (_name, files, expected) => {
    expect(secretsIn(files)).toEqual(expected);
  });

  it("says a UTF-16 file is UTF-16, and a path finding says to rename, without the secret", () => {
    const ds = validateFiles({
      ...BASE,
      [README]: utf16le(`# Churn\n`),
      [`orgs/acme/${FAKE.huggingface}.txt`]: "notes\n",
    });
    expect(ds.find((d) => d.code === "file/invalid-utf8")!.hint).toBe(
      "the file is UTF-16LE (it starts with a byte-order mark): save it as UTF-8",
    );
    const named = ds.find((d) => d.code === "secret/detected")!;
    expect(JSON.stringify(named)).not.toContain(FAKE.huggingface.slice(3));
    expect(named.message).toBe(
      "the path of this file (a file or folder name) holds what looks like a Hugging Face token (hf_…, 37 characters): credentials must never be committed",
    );
    expect(named.hint).toMatch(
      /^revoke it in Hugging Face .* NOW, then rename the file or folder \(renaming is not enough: it stays in git history/,
    );
  });

  it("mlcat validate masks a secret held in a path in every diagnostic, not only in secret/detected", async () => {
    const dir = writeTree(
      Object.fromEntries(
        Object.entries({ ...BASE, [`orgs/acme/${FAKE.huggingface}.txt`]: "notes\n" }).map(([p, t]) => [
          `catalog/${p}`,
          t,
        ]),
      ),
    );
    try {
      const run = await runCli(["validate", join(dir, "catalog"), "--format", "json"]);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain(FAKE.huggingface.slice(3));
      const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; file: string; message: string }> };
      const file = `${join(dir, "catalog")}/orgs/acme/${masked(FAKE.huggingface)}.txt`;
      expect(report.diagnostics.map((d) => [d.code, d.file])).toEqual([
        ["file/unknown-path", file],
        ["secret/detected", file],
      ]);
      expect(report.diagnostics[0]!.message).toBe(`${file} maps to no kind of catalog entity`);
      // Masking leaves the fingerprint an admin needs to allowlist a public value.
      expect(JSON.stringify(report.diagnostics[1])).toContain(fingerprintSecret(FAKE.huggingface));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("reports never print a detected secret", () => {
  it("pretty output masks the secret in every code frame of its file, shows none for the secret itself; JSON carries no value", async () => {
    const { formatPretty } = await import("../../src/report/pretty.js");
    const { formatJson } = await import("../../src/report/json.js");
    const text = `${BASE["orgs/acme/projects/churn/project.yaml"]}token: ${FAKE.github}\n`;
    const ds = validateFiles({ ...BASE, "orgs/acme/projects/churn/project.yaml": text });
    expect(ds.map((d) => d.code)).toContain("secret/detected");
    const summary = { errors: ds.length, warnings: 0, infos: 0, files: 1, entities: 1 };
    const pretty = formatPretty(ds, summary, { color: false, getText: () => text });
    expect(pretty).toContain("secret/detected");
    expect(pretty).not.toContain(FAKE.github.slice(4));
    // The schema error on the same line shows its frame, masked; the secret itself has none.
    expect(pretty).toContain(`> 6 | token: ${"*".repeat(40)}`);
    expect(pretty.split("\n\n").find((b) => b.includes("secret/detected"))).not.toContain(" | ");
    expect(formatJson(ds, {})).not.toContain(FAKE.github.slice(4));
  });
});

describe("redactSecrets", () => {
  it("masks tokens in place (columns kept) and whole private key bodies", async () => {
    const { redactSecrets } = await import("../../src/secrets/redact.js");
    const text = `a: ${FAKE.huggingface} b\nkey: |\n${fakePem("  ")}\nc: 1`;
    const masked = redactSecrets(text);
    expect(masked.split("\n")[0]).toBe(`a: ${"*".repeat(FAKE.huggingface.length)} b`);
    expect(masked).not.toMatch(/[A-Za-z0-9]{16}/);
    expect(masked.split("\n")).toHaveLength(text.split("\n").length);
  });
});

describe("the scanner takes any input in linear time", () => {
  it.each([
    ["dotted runs", "a.".repeat(200_000)],
    ["a key with no value", `token${"=".repeat(200_000)}`],
    ["a long keyed word", `key: ${"a1".repeat(200_000)}`],
    ["dashes after sk-", `sk-${"a-".repeat(200_000)}`],
    ["URL-like runs", `x://${"a:".repeat(100_000)}`],
    ["schemes without end", "ab://".repeat(80_000)],
    ["JWT-like runs", `eyJ${"a.eyJ".repeat(80_000)}`],
    ["many PEM headers", "-----BEGIN PRIVATE KEY-----\n".repeat(20_000)],
  ])("%s (400 KB) in under a second", (_name, text) => {
    const start = performance.now();
    scanText(text);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("never throws on arbitrary text, and finds a token wherever it is put", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.string({ unit: "binary", maxLength: 300 }),
        (before, after) => {
          const text = `${before} ${FAKE.github} ${after}`;
          expect(scanText(text).some((f) => f.value === FAKE.github)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
