import fc from "fast-check";
import { serialFromIso } from "../../../src/engine/dates";
import { readInputs } from "../../../src/workbook/inputs";
import { snapshotOfPlan } from "../../../src/workbook/plan-snapshot";
import { CellValue } from "../../../src/workbook/plan-types";
import { CellEdit, claimRow, withEdits } from "../../support/faults";
import { authoritySheets, singleAuthority } from "../../support/national";

/**
 * Wherever a fault is put in a generated claim log, the one problem reported is at that cell:
 * no off-by-one from the header, blank rows or the table's position, whatever the row or column.
 */
const TODAY = serialFromIso("2026-11-25")!;
const authority = singleAuthority(3000, 11);
const base = snapshotOfPlan({ sheets: authoritySheets(authority) });
const rows = authority.claims.length;

const cellFault: fc.Arbitrary<{ column: string; value: CellValue }> = fc.oneof(
  fc.constantFrom<CellValue>("n/a", "", -2, 1.5, "two").map((value) => ({ column: "C", value })),
  fc
    .constantFrom<CellValue>("31/02/2016", "soon", serialFromIso("2031-03-31")!, null)
    .map((value) => ({ column: "A", value })),
  fc.constantFrom<CellValue>("Housing", 7).map((value) => ({ column: "B", value })),
  fc.constantFrom<CellValue>("-£5", "lots").map((value) => ({ column: "D", value }))
);

describe("a fault anywhere in the claim log", () => {
  it("is reported once, at the cell where it was put", () => {
    fc.assert(
      fc.property(fc.nat(rows - 1), cellFault, (index, { column, value }) => {
        const cell = `${column}${claimRow(index)}`;
        const { problems } = readInputs(withEdits(base, [{ sheet: "Claims", cell, value }]), {
          today: TODAY,
        });
        expect(problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([`Claims!${cell}`]);
      }),
      { numRuns: 100 }
    );
  });

  it("a reference given again is reported at the later row, naming the earlier", () => {
    fc.assert(
      fc.property(fc.nat(rows - 1), fc.nat(rows - 1), (a, b) => {
        fc.pre(a !== b);
        const [first, again] = a < b ? [a, b] : [b, a];
        const edit: CellEdit = {
          sheet: "Claims",
          cell: `E${claimRow(again)}`,
          value: authority.claims[first][4] ?? null,
        };
        const { problems } = readInputs(withEdits(base, [edit]), { today: TODAY });
        expect(problems).toHaveLength(1);
        expect(problems[0].cell).toBe(edit.cell);
        expect(problems[0].reason).toContain(`(also Claims!E${claimRow(first)})`);
      }),
      { numRuns: 60 }
    );
  });
});
