import fs from "fs";
import path from "path";
import { BUILT_IN_FRAMEWORKS } from "../../../src/engine/frameworks";
import { OUTCOME_TYPES, OutcomeId } from "../../../src/engine/outcomes";

const { rulesMarkdown, TARGET } = require(
  path.join(__dirname, "..", "..", "..", "scripts", "rules-doc.js")
);

const current = (): string =>
  rulesMarkdown(BUILT_IN_FRAMEWORKS, (id: OutcomeId) => OUTCOME_TYPES[id]?.label ?? id);

describe("RULES.md", () => {
  it("is generated from the framework data (run node scripts/rules-doc.js after editing it)", () => {
    expect(path.basename(TARGET)).toBe("RULES.md");
    expect(fs.readFileSync(TARGET, "utf8")).toBe(current());
  });

  it("lists every framework and the inferred phase 1 year-2 split with its reasoning", () => {
    const text = current();
    for (const d of BUILT_IN_FRAMEWORKS) expect(text).toContain(`(\`${d.id}\`)`);
    expect(text).toMatch(
      /\| Crime\/ASB and education result, 2013\/14 \| £1,500 \| inferred \| .*£3,900/
    );
    expect(text).toMatch(/\| Co-ordinator grant per year \| £100,000 \| default \| .*£112,000/);
  });
});
