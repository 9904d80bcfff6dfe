import { ErrorKind, isError } from "../engine/errors";
import { ExcelArg, ExcelValue } from "./excel-args";
import { callFunction, findFunction } from "./table";

/**
 * The one place where engine results become what Excel understands: a value, or a
 * CustomFunctions.Error with the engine's message (Excel shows it in the cell's error tooltip).
 */
const EXCEL_CODES: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  value: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  num: "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  na: "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  div0: "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
};

/** Makes the error Excel shows; outside Excel (tests, Node) a plain object of the same shape. */
function excelError(kind: ErrorKind, message: string): Error {
  const code = EXCEL_CODES[kind];
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    return new CustomFunctions.Error(code, message) as unknown as Error;
  }
  return Object.assign(new Error(message), { code });
}

/** Runs a function of the table for Excel: returns its value or throws the Excel error. */
export function evaluate(id: string, args: ExcelArg[]): ExcelValue {
  const spec = findFunction(id);
  if (!spec) throw excelError("na", `${id} is not a function of this add-in.`);
  const result = callFunction(spec, args);
  if (isError(result)) throw excelError(result.kind, result.message);
  return result;
}
