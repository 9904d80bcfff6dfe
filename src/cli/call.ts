import { isError } from "../engine/errors";
import { ExcelValue } from "../functions/excel-args";
import { FUNCTIONS, callFunction, findFunction } from "../functions/table";
import { UsageError, parseArg } from "./parse-arg";

export interface CommandOutput {
  stdout: string;
  stderr: string;
  status: 0 | 1 | 2;
}

function signature(id: string): string {
  const spec = findFunction(id);
  if (!spec) return id;
  return `${spec.id}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

export function functionList(): string {
  return FUNCTIONS.map((spec) => `  ${signature(spec.id)}`).join("\n");
}

function formatValue(value: ExcelValue): string {
  if (!Array.isArray(value)) return String(value);
  return value.map((row) => row.join("\t")).join("\n");
}

/** `tf-funding call ID ARGS… [--json]`: one custom function, through the code Excel calls. */
export function callCommand(args: readonly string[], json: boolean): CommandOutput {
  const [id, ...rest] = args;
  if (!id) throw new UsageError(`call needs a function id. Functions:\n${functionList()}`);
  const spec = findFunction(id);
  if (!spec) throw new UsageError(`there is no function ${id}. Functions:\n${functionList()}`);
  const most = spec.params.length;
  const least = spec.params.filter((p) => !p.optional).length;
  if (rest.length < least || rest.length > most) {
    throw new UsageError(
      `${spec.id} takes ${least === most ? least : `${least} to ${most}`} arguments, not ${rest.length}: ${signature(spec.id)}`
    );
  }
  const parsed = rest.map((text, i) => parseArg(text, i + 1));
  const missing = spec.params.findIndex((p, i) => !p.optional && parsed[i] === null);
  if (missing >= 0)
    throw new UsageError(`${spec.params[missing].name} is required: ${signature(spec.id)}`);
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
    stdout: `${json ? JSON.stringify({ value: result }) : formatValue(result)}\n`,
    stderr: "",
    status: 0,
  };
}
