import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Radio,
  Select,
  RadioGroup,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { BUILT_IN_FRAMEWORKS, Framework, ROUNDINGS } from "../../engine/frameworks";
import { OUTCOME_TYPES } from "../../engine/outcomes";
import { financialYearLabel } from "../../engine/years";
import { WhatIfProblems, WhatIfSettings, familiesField, routeField } from "../cash-whatif";
import { MONTHS_TO_RESULT } from "../cash-whatif";
import { Overrides } from "../../workbook/inputs";
import { AssumptionKey, Assumptions } from "../../workbook/assumptions";
import {
  assumptionsUsed,
  defaultsText,
  settingBasis,
  sourceText,
} from "../../workbook/assumptions-used";

export interface AssumptionsSectionProps {
  overrides: Overrides;
  /** The assumptions in force (the workbook's, with the overrides applied), for placeholders. */
  current?: Assumptions;
  onChange: (overrides: Overrides) => void;
  /** The framework in force, whose programme years and routes to a result the fields show. */
  framework?: Framework;
  whatIf: WhatIfSettings;
  onWhatIf: (settings: WhatIfSettings) => void;
  /** The engine's message for each what-if field it cannot use. */
  problems: WhatIfProblems;
}

/**
 * A field's message from the engine, under it. Announced politely (status, not alert): it
 * changes as the user types, and the workbook's own problems are the pane's alerts.
 */
const fieldMessage = (message: string | undefined) =>
  message
    ? {
        validationState: "error" as const,
        validationMessage: { children: message, role: "status" },
      }
    : {};

const percentOf = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return Number.isFinite(n) ? Math.round(n * 100) : Math.round(fallback * 100);
};

/**
 * The what-if settings, grouped: families a year, success rate and framework first and open; the
 * rest under "More assumptions". Every change recomputes the figures at once, in the pane.
 */
export function AssumptionsSection(props: AssumptionsSectionProps) {
  const { overrides, current, onChange, whatIf, onWhatIf, problems } = props;
  const set = (key: keyof Overrides, value: string | undefined) => {
    const next = { ...overrides };
    if (value === undefined || value === "") delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const framework = overrides.framework ?? current?.framework.id ?? "phase1";
  const success = percentOf(overrides.successRate, current ? current.successRate.toNumber() : 1);
  // Beside each value, where it comes from: "default: every result achieved …", "yours: …".
  const basis = (key: AssumptionKey) => {
    if (!current) return undefined;
    const provenance = settingBasis(current, key);
    return `Basis: ${provenance.basis} (${sourceText(provenance)})`;
  };
  const unentered = current ? defaultsText(assumptionsUsed(current)) : [];
  return (
    <section aria-labelledby="assumptions-heading" className="tf-section">
      <Subtitle2 as="h2" id="assumptions-heading">
        Assumptions
      </Subtitle2>
      <Accordion multiple collapsible defaultOpenItems={["common"]}>
        <AccordionItem value="common">
          <AccordionHeader as="h3">Families a year and success rate</AccordionHeader>
          <AccordionPanel className="tf-section">
            <Field label="Framework">
              {/* Native selects (Fluent Select) rather than Dropdown: the pane's bundle keeps
                  out the combobox and its popup positioning (about 20 KB gzip). */}
              <Select value={framework} onChange={(_, data) => set("framework", data.value)}>
                {BUILT_IN_FRAMEWORKS.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </Select>
            </Field>
            <div role="group" aria-labelledby="families-legend" className="tf-families">
              <Text id="families-legend" weight="semibold" className="tf-families-legend">
                Families attached each year
              </Text>
              {whatIf.families.map((value, i) => {
                const year = props.framework?.years[i];
                const message = problems[familiesField(i)];
                return (
                  <Field
                    key={i}
                    label={year ? financialYearLabel(year.startYear) : `Year ${i + 1}`}
                    className={message ? "tf-field-wide" : undefined}
                    {...fieldMessage(message)}
                  >
                    <Input
                      inputMode="numeric"
                      value={value}
                      placeholder="0"
                      data-testid={familiesField(i)}
                      onChange={(_, d) =>
                        onWhatIf({
                          ...whatIf,
                          families: whatIf.families.map((old, k) => (k === i ? d.value : old)),
                        })
                      }
                    />
                  </Field>
                );
              })}
              {problems.families && (
                <Text
                  role="status"
                  className="tf-error tf-field-wide"
                  data-testid="families-problem"
                >
                  {problems.families}
                </Text>
              )}
            </div>
            <Field label="Success rate">
              <RadioGroup
                layout="horizontal"
                value={whatIf.rateBy}
                onChange={(_, d) =>
                  onWhatIf({ ...whatIf, rateBy: d.value as WhatIfSettings["rateBy"] })
                }
              >
                <Radio value="overall" label="Overall" />
                <Radio value="routes" label="Per route to a result" />
              </RadioGroup>
            </Field>
            {whatIf.rateBy === "routes" ? (
              <div role="group" aria-label="Success rate per route" className="tf-section">
                {(props.framework?.turnedAroundOutcomes ?? []).map((id) => (
                  <Field
                    key={id}
                    label={`${OUTCOME_TYPES[id].label} (% of funded families)`}
                    {...fieldMessage(problems[routeField(id)])}
                  >
                    <Input
                      inputMode="decimal"
                      value={whatIf.routes[id] ?? ""}
                      placeholder="0"
                      data-testid={routeField(id)}
                      onChange={(_, d) =>
                        onWhatIf({ ...whatIf, routes: { ...whatIf.routes, [id]: d.value } })
                      }
                    />
                  </Field>
                ))}
                {problems.rate && (
                  <Text role="status" className="tf-error" data-testid="rate-problem">
                    {problems.rate}
                  </Text>
                )}
              </div>
            ) : (
              <Field
                label={`Success rate: ${success}%`}
                hint={basis("successRate")}
                {...fieldMessage(problems.rate)}
              >
                {(field) => (
                  // The browser's own range input in the brand colour (.tf-range): the same
                  // slider role, keys and value text as Fluent's Slider, whose styles alone
                  // were 4 KB gzip of the pane's first load.
                  <input
                    {...field}
                    type="range"
                    className="tf-range"
                    min={0}
                    max={100}
                    step={1}
                    value={success}
                    aria-valuetext={`${success}%`}
                    onChange={(e) => set("successRate", String(Number(e.target.value) / 100))}
                  />
                )}
              </Field>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="more">
          <AccordionHeader as="h3">More assumptions</AccordionHeader>
          <AccordionPanel className="tf-section">
            <Field
              label="Months from attachment to the result's claim"
              hint={`Blank: ${MONTHS_TO_RESULT} months, an assumption (no source gives one figure).`}
              {...fieldMessage(problems.months)}
            >
              <Input
                inputMode="numeric"
                value={whatIf.monthsToResult}
                placeholder={String(MONTHS_TO_RESULT)}
                data-testid="months-to-result"
                onChange={(_, d) => onWhatIf({ ...whatIf, monthsToResult: d.value })}
              />
            </Field>
            <Field label="Programme years (when families attached per year are not given)">
              <Input
                type="number"
                min={1}
                value={overrides.years ?? ""}
                placeholder={String(current?.years ?? "")}
                onChange={(_, d) => set("years", d.value)}
              />
            </Field>
            <Field label="Rounding of families" hint={basis("rounding")}>
              <Select
                value={overrides.rounding ?? current?.rounding ?? "half-up"}
                onChange={(_, d) => set("rounding", d.value)}
              >
                {ROUNDINGS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Funded families (agreed number, optional)">
              <Input
                type="number"
                min={0}
                value={overrides.funded ?? ""}
                onChange={(_, d) => set("funded", d.value)}
              />
            </Field>
            <Field label="Council contribution per family (£)" hint={basis("councilContribution")}>
              <Input
                type="number"
                min={0}
                value={overrides.councilContribution ?? ""}
                placeholder={current ? current.councilContribution.toString() : ""}
                onChange={(_, d) => set("councilContribution", d.value)}
              />
            </Field>
            <Field
              label="Employment target (share of families turned around, e.g. 0.1)"
              hint={current?.employmentTarget ? basis("employmentTarget") : undefined}
            >
              <Input
                value={overrides.employmentTarget ?? ""}
                placeholder={current?.employmentTarget?.toString() ?? ""}
                onChange={(_, d) => set("employmentTarget", d.value)}
              />
            </Field>
            {unentered.length > 0 && (
              <div data-testid="defaults-used">
                {unentered.map((line) => (
                  <Text as="p" block size={200} key={line.slice(0, 20)}>
                    {line}
                  </Text>
                ))}
              </div>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
