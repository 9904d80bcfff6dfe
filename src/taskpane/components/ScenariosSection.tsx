import { Button, Checkbox, Field, Input, Subtitle2, Text } from "@fluentui/react-components";
import { MAX_COMPARED, MIN_COMPARED, Scenario, compareScenarios } from "../comparison";
import { formatPercent, formatPounds } from "../whatif";
import { ColumnChart, SERIES_COLOURS } from "./ColumnChart";

export interface ScenariosSectionProps {
  scenarios: Scenario[];
  /** Names of the scenarios ticked for comparison, in the order ticked. */
  compared: string[];
  onCompared: (names: string[]) => void;
  name: string;
  onName: (name: string) => void;
  canSave: boolean;
  onSave: () => void;
  /** Writing the comparison needs ExcelApi 1.7 and no other work under way. */
  canWrite: boolean;
  onWrite: () => void;
  /** Puts a saved scenario's settings back in the fields, to work on from there. */
  onUse: (scenario: Scenario) => void;
}

/** "phase2 · 140, 140, 140 a year · 65%": what a saved scenario assumed, in a line. */
function scenarioLine(scenario: Scenario): string {
  const families = scenario.settings.families.filter((f) => f.trim() !== "");
  const rate =
    scenario.settings.rateBy === "routes" ? "per route" : formatPercent(scenario.successRate);
  return `${scenario.framework} · ${families.join(", ") || "no"} families a year · ${rate}`;
}

/** Save the what-if under a name; tick two to four to see them side by side, and write them. */
export function ScenariosSection(props: ScenariosSectionProps) {
  const { scenarios, compared } = props;
  const chosen = compared
    .map((name) => scenarios.find((s) => s.name === name))
    .filter((s): s is Scenario => s !== undefined);
  const comparing = chosen.length >= MIN_COMPARED;
  const comparison = comparing ? compareScenarios(chosen) : undefined;
  const toggle = (name: string, on: boolean) =>
    props.onCompared(on ? [...compared, name] : compared.filter((n) => n !== name));
  return (
    <section aria-labelledby="scenarios-heading" className="tf-section">
      <Subtitle2 as="h2" id="scenarios-heading">
        Scenarios side by side
      </Subtitle2>
      <div className="tf-goal">
        <Field label="Scenario name">
          <Input
            value={props.name}
            placeholder={`Scenario ${scenarios.length + 1}`}
            data-testid="scenario-name"
            onChange={(_, d) => props.onName(d.value)}
          />
        </Field>
        <Button onClick={props.onSave} disabled={!props.canSave}>
          Save scenario
        </Button>
      </div>
      {scenarios.length > 0 && (
        <div role="group" aria-labelledby="compare-legend">
          <Text id="compare-legend" as="p" size={200}>
            Tick {MIN_COMPARED} to {MAX_COMPARED} scenarios to compare.
          </Text>
          {scenarios.map((scenario) => {
            const on = compared.includes(scenario.name);
            return (
              <div key={scenario.name} className="tf-scenario">
                <Checkbox
                  checked={on}
                  disabled={!on && compared.length >= MAX_COMPARED}
                  label={`${scenario.name} (${scenarioLine(scenario)})`}
                  onChange={(_, d) => toggle(scenario.name, d.checked === true)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`Use ${scenario.name} in the fields above`}
                  onClick={() => props.onUse(scenario)}
                >
                  Use
                </Button>
              </div>
            );
          })}
        </div>
      )}
      {comparison && (
        <>
          <div className="tf-scroll" tabIndex={0} role="region" aria-label="Scenario comparison">
            {/* A plain table: Fluent's Table would add KB to a pane held under a size budget. */}
            <table className="tf-compare" data-testid="comparison-table">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  {comparison.scenarios.map((name) => (
                    <th scope="col" key={name}>
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label.replace(/ £$/, "")}</th>
                    {row.values.map((value, i) => (
                      <td key={i}>{formatPounds(value)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ColumnChart
            testId="comparison-chart"
            title="Money received by financial year, by scenario"
            layout="grouped"
            categories={comparison.years.map((y) => y.label)}
            series={comparison.scenarios.map((name, i) => ({
              name,
              values: comparison.years.map((y) => y.received[i]),
              colour: SERIES_COLOURS[i % SERIES_COLOURS.length],
            }))}
          />
          <Button onClick={props.onWrite} disabled={!props.canWrite}>
            Write comparison to sheet
          </Button>
        </>
      )}
    </section>
  );
}
