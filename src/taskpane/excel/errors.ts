/** Why a build was refused before anything was written: something in the way is the user's. */
export interface Conflict {
  kind: "sheet" | "table" | "name";
  name: string;
  /** For a table: the sheet it is on. For a name: what it refers to. */
  where?: string;
}

function sentence(conflict: Conflict): string {
  switch (conflict.kind) {
    case "sheet":
      return `A sheet called '${conflict.name}' already exists and was not made by this add-in: rename it and build again.`;
    case "table":
      return `A table called '${conflict.name}' already exists on the sheet '${conflict.where}' and was not made by this add-in: rename it and build again.`;
    case "name":
      return `A name called '${conflict.name}' already exists in this workbook (it refers to ${conflict.where}) and was not made by this add-in: rename it and build again.`;
  }
}

/** Thrown before any write: the workbook is untouched. */
export class WorkbookConflictError extends Error {
  readonly conflicts: readonly Conflict[];
  constructor(conflicts: readonly Conflict[]) {
    super(conflicts.map(sentence).join(" "));
    this.name = "WorkbookConflictError";
    this.conflicts = conflicts;
  }
}

/**
 * Thrown when writing failed part-way. `restored` says whether the clean-up put the workbook
 * back as it was; when it could not, `leftBehind` names the sheets the user may delete.
 */
export class WriteFailedError extends Error {
  readonly cause: unknown;
  readonly restored: boolean;
  readonly leftBehind: readonly string[];
  constructor(
    message: string,
    cause: unknown,
    restored: boolean,
    leftBehind: readonly string[] = []
  ) {
    super(message);
    this.name = "WriteFailedError";
    this.cause = cause;
    this.restored = restored;
    this.leftBehind = leftBehind;
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
