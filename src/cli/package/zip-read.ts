import { Readable } from "stream";
import zlib from "zlib";
import yauzl from "yauzl";

/**
 * An .xlsx file opened as a zip archive (yauzl: it reads the central directory, then each entry
 * on demand, so a 200,000-row sheet is streamed and never held whole). The file stays open
 * until `close`, because the writer copies the entries it does not change straight from it.
 */
export interface ZipArchive {
  /** Every entry in the archive's order, by its name as written (folders included). */
  entries: yauzl.Entry[];
  /** The entry with this part name (zip part names ignore case in a package). */
  entry(name: string): yauzl.Entry | undefined;
  /** An entry's content, decompressed and checked against its CRC-32. */
  read(entry: yauzl.Entry): Promise<Buffer>;
  /** An entry's content as a stream of decompressed chunks, CRC-checked at the end. */
  stream(entry: yauzl.Entry): Promise<Readable>;
  /** An entry's bytes exactly as stored (compressed), for a copy that cannot alter them. */
  raw(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

/**
 * The most a part may expand to. A funding workbook's largest part, a 200,000-claim sheet, is
 * 46 MB (the bench's, written by exceljs); a part of 600 MB in a file of 600 KB is a zip bomb,
 * and a string that long is more than V8 can hold. yauzl holds each entry to the size it
 * declares, so the check is made before a byte is inflated.
 */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

/** A part that would expand past MAX_PART_BYTES: refused, not read. */
export class PartTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly bytes: number
  ) {
    super(`${part} would expand to ${Math.round(bytes / 1024 / 1024)} MB`);
  }
}

function open(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error || !zip ? reject(error) : resolve(zip)
    )
  );
}

function allEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function readStream(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  options: yauzl.ZipFileOptions
): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, options, (error, stream) =>
      error || !stream ? reject(error) : resolve(stream)
    )
  );
}

/** Fails the stream at its end when the bytes read are not the bytes the archive recorded. */
function checked(entry: yauzl.Entry, source: Readable): Readable {
  let crc = 0;
  async function* verify() {
    for await (const chunk of source) {
      crc = zlib.crc32(chunk as Buffer, crc);
      yield chunk as Buffer;
    }
    if (crc >>> 0 !== entry.crc32 >>> 0) {
      throw new Error(`${entry.fileName} fails its CRC check`);
    }
  }
  return Readable.from(verify(), { objectMode: false });
}

export async function openZip(file: string): Promise<ZipArchive> {
  const zip = await open(file);
  let entries: yauzl.Entry[];
  try {
    entries = await allEntries(zip);
  } catch (failure) {
    zip.close();
    throw failure;
  }
  const byName = new Map(entries.map((entry) => [entry.fileName.toLowerCase(), entry]));
  const stream = async (entry: yauzl.Entry) => {
    if (entry.uncompressedSize > MAX_PART_BYTES)
      throw new PartTooLarge(entry.fileName, entry.uncompressedSize);
    return checked(entry, await readStream(zip, entry, {}));
  };
  return {
    entries,
    entry: (name) => byName.get(name.toLowerCase()),
    stream,
    async read(entry) {
      const chunks: Buffer[] = [];
      for await (const chunk of await stream(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    raw: (entry) => readStream(zip, entry, { decodeFileData: false }),
    close: () => zip.close(),
  };
}
