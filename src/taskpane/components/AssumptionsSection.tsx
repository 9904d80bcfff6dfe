import { Field, Input, Select, Slider, Subtitle2, Text } from "@fluentui/react-components";
import { BUILT_IN_FRAMEWORKS, ROUNDINGS } from "../../engine/frameworks";
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
}

const percentOf = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return Number.isFinite(n) ? Math.round(n * 100) : Math.round(fallback * 100);
};

/** The what-if settings; every change recomputes the headline figures at once. */
export function AssumptionsSection({ overrides, current, onChange }: AssumptionsSectionProps) {
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
      {/* Native selects (Fluent Select) rather than Dropdown: the pane's bundle keeps out the
          combobox and its popup positioning (about 20 KB gzip), and the list is the platform's. */}
      <Field label="Framework">
        <Select value={framework} onChange={(_, data) => set("framework", data.value)}>
          {BUILT_IN_FRAMEWORKS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
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
      <Field label={`Success rate: ${success}%`} hint={basis("successRate")}>
        <Slider
          min={0}
          max={100}
          step={1}
          value={success}
          aria-valuetext={`${success}%`}
          onChange={(_, d) => set("successRate", String(d.value / 100))}
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
    </section>
  );
}
