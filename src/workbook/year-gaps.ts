import { Framework } from "../engine/frameworks";
import { InputProblem } from "./locate";

/**
 * Programme years with no Families row although a later year has one. The plan would count such
 * a year as 0 families, so a deleted or forgotten row would silently move money between years;
 * it is named instead. Years after the last row given are not gaps: the table may simply stop.
 *
 * `yearCells` holds, for each year given, the cell of its financial year. A missing year is
 * reported at the row of the next year given, where its own row belongs.
 */
export function missingYears(
  framework: Framework,
  sheet: string,
  yearCells: ReadonlyMap<number, string>
): InputProblem[] {
  const given = [...yearCells.keys()].sort((a, b) => a - b);
  const problems: InputProblem[] = [];
  for (let year = 1, next = 0; next < given.length; year++) {
    if (year === given[next]) {
      next++;
      continue;
    }
    const label = framework.years[year - 1].label;
    problems.push({
      sheet,
      cell: yearCells.get(given[next]) ?? "",
      reason: `there is no row for ${label} (programme year ${year}), though later years have rows: insert a row for ${label} here, with 0 families if none were nominated or attached that year.`,
    });
  }
  return problems;
}
