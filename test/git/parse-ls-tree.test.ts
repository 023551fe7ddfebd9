import { describe, expect, it } from "vitest";
import { GitError } from "../../src/git/git-error.js";
import { entryTypeOfMode, parseLsTree } from "../../src/git/tree.js";

/** The reading of `git ls-tree -r -z -l` records that parseLsTree must give: split, then one anchored expression per header. */
function reference(out: string) {
  return out
    .split("\0")
    .filter((r) => r !== "")
    .map((record) => {
      const tab = record.indexOf("\t");
      const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-|BAD)$/.exec(record.slice(0, tab));
      if (tab < 0 || !m || m[4] === "BAD") return "error";
      return {
        path: record.slice(tab + 1),
        mode: m[1],
        oid: m[3],
        size: m[4] === "-" ? 0 : Number(m[4]),
        type: entryTypeOfMode(m[1]!),
      };
    });
}

const OID = "0123456789abcdef0123456789abcdef01234567";
const GOOD: Record<string, string> = {
  file: `100644 blob ${OID}     123\tcatalog/users/a.yaml`,
  executable: `100755 blob ${OID}       7\tcatalog/x.yaml`,
  symlink: `120000 blob ${OID}      10\tcatalog/link`,
  submodule: `160000 commit ${OID}       -\tcatalog/sub`,
  "a tab and spaces in the path": `100644 blob ${OID}       1\tcatalog/a b\tc.yaml`,
  "a newline in the path": `100644 blob ${OID}       1\tcatalog/a\nb.yaml`,
  "a size of no padding": `100644 blob ${OID} 12345678\tcatalog/big.yaml`,
};

describe("parseLsTree", () => {
  it("reads every record as the anchored expression does, in order", () => {
    const records = Object.values(GOOD);
    const out = `${records.join("\0")}\0`;
    expect(parseLsTree(out)).toEqual(reference(out));
    expect(parseLsTree(out)).toHaveLength(records.length);
    expect(parseLsTree(records.join("\0"))).toEqual(reference(out));
    expect(parseLsTree("")).toEqual([]);
  });

  it.each([
    ["no tab", `100644 blob ${OID} 1 catalog/a.yaml`],
    ["a short mode", `10064 blob ${OID} 1\tcatalog/a.yaml`],
    ["an oid that is not hex", `100644 blob ${OID.replace("a", "g")} 1\tcatalog/a.yaml`],
    ["no size", `100644 blob ${OID}\tcatalog/a.yaml`],
    ["a record cut short", `100644 blob`],
  ])("refuses a record with %s", (_name, record) => {
    expect(() => parseLsTree(`${GOOD.file}\0${record}\0`)).toThrow(/unexpected line from git ls-tree/);
  });

  it("reports an object git cannot read (size BAD) as missing or corrupt", () => {
    const err = (() => {
      try {
        parseLsTree(`${GOOD.file}\u0000100644 blob ${OID}     BAD\tcatalog/b.yaml\0`);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(GitError);
    expect((err as Error).message).toBe(`git object ${OID} of catalog/b.yaml is missing or corrupt in this repository`);
  });
});
