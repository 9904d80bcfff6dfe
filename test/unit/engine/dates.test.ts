import fc from "fast-check";
import { isoFromSerial, serialFromIso, serialOfLocalDate } from "../../../src/engine/dates";

describe("today as the adapters pass it", () => {
  it("is the local calendar date, late evening or early morning alike", () => {
    expect(isoFromSerial(serialOfLocalDate(new Date(2026, 10, 25, 0, 5)))).toBe("2026-11-25");
    expect(isoFromSerial(serialOfLocalDate(new Date(2026, 10, 25, 23, 55)))).toBe("2026-11-25");
    expect(serialOfLocalDate(new Date(2014, 7, 1, 12))).toBe(serialFromIso("2014-08-01"));
  });

  it("round-trips any date between 1900 and 2100", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1900, 2, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
        (d) => {
          const iso = isoFromSerial(serialOfLocalDate(d));
          const pad = (n: number) => String(n).padStart(2, "0");
          expect(iso).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
        }
      )
    );
  });
});
