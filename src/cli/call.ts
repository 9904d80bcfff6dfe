import { isoFromSerial } from "../engine/dates";
import { isError } from "../engine/errors";
import { didYouMean } from "../engine/near-miss";
import { ExcelCell, ExcelValue } from "../functions/excel-args";
import { FUNCTIONS, FunctionSpec, callFunction, findFunction } from "../functions/table";
import { UsageError, parseArg } from "./parse-arg";

export interface CommandOutput {
  stdout: string;
  stderr: string;
  status: 0 | 1 | 2;
}

export function signature(spec: FunctionSpec): string {
  return `${spec.id}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

export function functionList(): string {
  return FUNCTIONS.map((spec) => `  ${signature(spec)}`).join("\n");
}

/**
 * A function by the name a person typed: TF_ENVELOPE, TF.ENVELOPE, tf_envelope or ENVELOPE; a
 * name that is none of these is a usage error naming the nearest function, if one is near.
 */
export function functionNamed(typed: string): FunctionSpec {
  const spec = findFunction(typed) ?? findFunction(`TF_${typed.trim()}`);
  if (spec) return spec;
  const near = didYouMean(
    typed.trim().toUpperCase().replace(/^TF\./, "TF_"),
    FUNCTIONS.map((f) => f.id)
  );
  throw new UsageError(
    `there is no function ${typed}${near ? `: ${near}` : "."} Functions:\n${functionList()}`
  );
}

/**
 * A value as a person reads it: a date as 2014-05-31 rather than Excel's serial 41790, a share
 * as its exact value and its percentage, "0.647945205479452 (64.8%)". Money and counts are
 * printed as they are, so a script can read them; --json always gives the raw values.
 */
function shown(spec: FunctionSpec, cell: ExcelCell): string {
  if (typeof cell !== "number") return String(cell);
  if (spec.shows === "date") return isoFromSerial(cell);
  if (spec.shows === "share") return `${cell} (${(cell * 100).toFixed(1)}%)`;
  return String(cell);
}

function formatValue(spec: FunctionSpec, value: ExcelValue): string {
  if (!Array.isArray(value)) return shown(spec, value);
  return value.map((row) => row.join("\t")).join("\n");
}

/** `tf-funding call ID ARGS… [--json]`: one custom function, through the code Excel calls. */
export function callCommand(args: readonly string[], json: boolean): CommandOutput {
  const [id, ...rest] = args;
  if (!id) throw new UsageError(`call needs a function id. Functions:\n${functionList()}`);
  const spec = functionNamed(id);
  const most = spec.params.length;
  const least = spec.params.filter((p) => !p.optional).length;
  if (rest.length < least || rest.length > most) {
    throw new UsageError(
      `${spec.id} takes ${least === most ? least : `${least} to ${most}`} arguments, not ${rest.length}: ${signature(spec)}`
    );
  }
  const parsed = rest.map((text, i) => parseArg(text, i + 1));
  const missing = spec.params.findIndex((p, i) => !p.optional && parsed[i] === null);
  if (missing >= 0)
    throw new UsageError(`${spec.params[missing].name} is required: ${signature(spec)}`);
  const result = callFunction(spec, parsed);
  if (isError(result)) {
    return json
      ? {
          stdout: `${JSON.stringify({ error: result.excelText, message: result.message })}\n`,
          stderr: "",
          status: 1,
        }
      : { stdout: "", stderr: `${result.excelText} ${result.message}\n`, status: 1 };
  }
  return {
    stdout: `${json ? JSON.stringify({ value: result }) : formatValue(spec, result)}\n`,
    stderr: "",
    status: 0,
  };
}
