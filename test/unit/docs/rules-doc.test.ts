import fs from "fs";
import path from "path";
import { BUILT_IN_FRAMEWORKS } from "../../../src/engine/frameworks";
import { OUTCOME_TYPES, OutcomeId } from "../../../src/engine/outcomes";
import * as realism from "../../../src/engine/realism";

const { rulesMarkdown, TARGET } = require(
  path.join(__dirname, "..", "..", "..", "scripts", "rules-doc.js")
);

const current = (): string =>
  rulesMarkdown(BUILT_IN_FRAMEWORKS, (id: OutcomeId) => OUTCOME_TYPES[id]?.label ?? id, realism);

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

  it("lists the spot-check shares and the year-2 release bands with their sources", () => {
    const text = current();
    expect(text).toMatch(
      /\| Share of results claims spot-checked \| 2\.1% \| published \| DCLG freedom-of-information answer, 2015/
    );
    expect(text).toMatch(
      /\| Share of checked claims found invalid \(clawed back\) \| 10% \| inferred \| The last round's 10%/
    );
    expect(text).toMatch(
      /deferred \(not lost\).*\| under 1\/3 .*\| published \| The MJ and LGC reports, 2013/
    );
  });
});
