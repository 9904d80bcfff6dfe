import {
  Select,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { TargetUnknown } from "../../engine/target";
import { GoalAnswer } from "../cash-whatif";
import { formatPercent, formatPounds } from "../whatif";

export interface GoalSeekSectionProps {
  amount: string;
  onAmount: (amount: string) => void;
  /** The financial year by whose end the amount is wanted, by its start year (2019: 2019/20). */
  byYear: number;
  onByYear: (startYear: number) => void;
  /** The financial years to choose from: the programme's and the years money arrives in. */
  years: { startYear: number; label: string }[];
  solveFor: TargetUnknown;
  onSolveFor: (unknown: TargetUnknown) => void;
  answer?: GoalAnswer;
  /** Years the families a year are attached over (the years typed), for the answer's wording. */
  familiesYears: number;
  successRate: number;
}

/** The goal seek's answer in a sentence a coordinator can repeat. */
function answerText(answer: GoalAnswer, props: GoalSeekSectionProps, byLabel: string): string {
  if ("problem" in answer) return answer.problem;
  if (!answer.reachable) return `Not reachable: ${answer.why}.`;
  const received = `${formatPounds(answer.received)} received by the end of ${byLabel}`;
  if (answer.familiesPerYear !== undefined)
    return `${answer.familiesPerYear} families a year for ${props.familiesYears} ${props.familiesYears === 1 ? "year" : "years"}, at a ${formatPercent(props.successRate)} success rate: ${received}.`;
  return `A success rate of ${((answer.successRate ?? 0) * 100).toFixed(2)}%, with the families a year above: ${received}.`;
}

/** "£ [amount] by [financial year]": the success rate or the families a year that reach it. */
export function GoalSeekSection(props: GoalSeekSectionProps) {
  const { amount, byYear, years, solveFor, answer } = props;
  const byLabel = years.find((y) => y.startYear === byYear)?.label ?? String(byYear);
  const problem = answer && "problem" in answer ? answer.problem : undefined;
  return (
    <section aria-labelledby="goal-heading" className="tf-section">
      <Subtitle2 as="h2" id="goal-heading">
        Goal seek
      </Subtitle2>
      <div className="tf-goal">
        <Field
          label="Amount to have received (£)"
          validationState={problem ? "error" : "none"}
          validationMessage={problem ? { children: problem, role: "status" } : undefined}
        >
          <Input
            inputMode="decimal"
            value={amount}
            placeholder="1,064,000"
            data-testid="goal-amount"
            onChange={(_, d) => props.onAmount(d.value)}
          />
        </Field>
        <Field label="By the end of">
          <Select
            value={String(byYear)}
            data-testid="goal-year"
            onChange={(_, d) => d.value && props.onByYear(Number(d.value))}
          >
            {years.map((y) => (
              <option key={y.startYear} value={String(y.startYear)}>
                {y.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Find">
        <RadioGroup
          value={solveFor}
          onChange={(_, d) => props.onSolveFor(d.value as TargetUnknown)}
        >
          <Radio value="success-rate" label="the success rate needed (families as above)" />
          <Radio value="families" label="the families a year needed (success rate as above)" />
        </RadioGroup>
      </Field>
      {answer && !problem && (
        <Text
          as="p"
          role="status"
          data-testid="goal-answer"
          className={answer && "reachable" in answer && !answer.reachable ? "tf-error" : undefined}
        >
          {answerText(answer, props, byLabel)}
        </Text>
      )}
    </section>
  );
}
