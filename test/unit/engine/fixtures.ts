import { Claim } from "../../../src/engine/claims";
import { serialFromIso } from "../../../src/engine/dates";
import { FundingError, Result, isError } from "../../../src/engine/errors";
import { Framework, builtInFramework } from "../../../src/engine/frameworks";
import { Decimal, dec } from "../../../src/engine/money";
import { OutcomeId } from "../../../src/engine/outcomes";

export const phase1 = builtInFramework("phase1") as Framework;
export const fastTrack = builtInFramework("phase1-fast-track") as Framework;
export const phase2 = builtInFramework("phase2") as Framework;

export function day(iso: string): number {
  const serial = serialFromIso(iso);
  if (serial === undefined) throw new Error(`bad test date ${iso}`);
  return serial;
}

export function claim(
  iso: string,
  outcome: OutcomeId,
  families: number,
  extra: Partial<Claim> = {}
): Claim {
  return { date: day(iso), outcome, families: dec(families), ...extra };
}

/** Unwraps a value the test expects to be good, failing with the engine's message if not. */
export function ok<T>(result: Result<T>): T {
  if (isError(result)) throw new Error(`expected a value, got ${result.toString()}`);
  return result;
}

export function fails<T>(result: Result<T>): FundingError {
  if (!isError(result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result;
}

/** Money as text to the penny, so a test reads like the council's table. */
export const pounds = (value: Decimal): string => value.toFixed(2);

export const decs = (...values: number[]): Decimal[] => values.map((v) => dec(v));

/** Rotherham's claims to August 2014 (seed 004), all on the August claim. */
export const ROTHERHAM: Claim[] = [
  claim("2014-08-15", "crime-asb-education", 435),
  claim("2014-08-15", "progress-to-work", 27),
  claim("2014-08-15", "continuous-employment", 38),
  claim("2014-08-15", "continuous-employment-after-claim", 10),
  claim("2014-08-15", "adults-in-work", 5),
];
