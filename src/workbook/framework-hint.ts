import { isError } from "../engine/errors";
import { FRAMEWORK_IDS, Framework, builtInFramework } from "../engine/frameworks";
import { resolveYear } from "../engine/years";
import { LocatedTable } from "./locate";
import { SettingProblem, settingProblem } from "./setting-problem";

/**
 * When the Families years are not the framework's but all of them are another built-in
 * framework's — a phase 2 workbook ("2015-2016", …) read as phase 1, the default — the one
 * useful thing to say is which framework to choose, above the list of years it cannot place.
 * A setting problem, so each adapter names the setting its own way (--framework, the pane's field).
 */
export function frameworkHint(
  table: LocatedTable<"year" | "nominated" | "attached">,
  framework: Framework
): SettingProblem | undefined {
  const years = table.rows
    .map(({ cells }) => cells[table.columns.year ?? 0])
    .map((cell) => (typeof cell === "string" ? cell.trim() : cell))
    .filter(
      (cell): cell is string | number => typeof cell === "string" || typeof cell === "number"
    );
  // Programme years (1, 2, 3) fit every framework: only labels tell frameworks apart.
  if (!years.some((year) => typeof year === "string")) return undefined;
  const fits = (candidate: Framework) =>
    years.every((year) => !isError(resolveYear(candidate, year)));
  if (years.length === 0 || fits(framework)) return undefined;
  const match = FRAMEWORK_IDS.map((id) => builtInFramework(id)).find(
    (candidate): candidate is Framework =>
      !!candidate && candidate.id !== framework.id && fits(candidate)
  );
  if (!match) return undefined;
  return settingProblem(
    "framework",
    `the Families years (${years.slice(0, 2).join(", ")}${years.length > 2 ? ", …" : ""}) are years of the ${match.id} framework, not of ${framework.id}: choose the ${match.id} framework.`
  );
}
