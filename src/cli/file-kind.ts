import fs from "fs";

/** What a path that is neither a file nor a folder is, in the user's terms. */
export function specialKind(stat: fs.Stats): string | undefined {
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return undefined;
}
