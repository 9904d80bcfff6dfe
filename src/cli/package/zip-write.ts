import fs from "fs";
import { Readable } from "stream";
import zlib from "zlib";

/**
 * A zip writer for the copy: an entry of the input goes in with its stored (compressed) bytes,
 * CRC and sizes exactly as they were, so its content cannot change and needs no recompression;
 * a new or rewritten part is deflated. No maintained zip writer adds an already-compressed
 * entry (yazl, archiver and fflate all compress what they are given), hence this small one.
 * Plain zip only (no zip64): a workbook part over 4 GB is refused.
 */
export interface CopiedEntry {
  fileName: string;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  lastModFileTime: number;
  lastModFileDate: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** General-purpose flag bit 11: the file name is UTF-8. */
const UTF8_NAMES = 0x0800;
const LIMIT = 0xffffffff;

interface Written extends CopiedEntry {
  offset: number;
}

/** DOS time and date of now, as zip headers store them. */
function dosNow(): { time: number; date: number } {
  const now = new Date();
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

export class ZipWriter {
  private readonly handle: number;
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(file: string) {
    this.handle = fs.openSync(file, "wx");
  }

  private write(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.handle, bytes, done);
    this.offset += bytes.length;
  }

  private header(entry: CopiedEntry): void {
    if (this.offset > LIMIT || entry.compressedSize >= LIMIT || entry.uncompressedSize >= LIMIT) {
      throw new Error(`${entry.fileName} is too large for a zip without zip64`);
    }
    const name = Buffer.from(entry.fileName, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(entry.compressionMethod, 8);
    local.writeUInt16LE(entry.lastModFileTime, 10);
    local.writeUInt16LE(entry.lastModFileDate, 12);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    this.written.push({ ...entry, offset: this.offset });
    this.write(local);
    this.write(name);
  }

  /** An entry of the input, its stored bytes streamed across unchanged. */
  async copy(entry: CopiedEntry, stored: Readable): Promise<void> {
    this.header(entry);
    let size = 0;
    for await (const chunk of stored) {
      size += (chunk as Buffer).length;
      this.write(chunk as Buffer);
    }
    if (size !== entry.compressedSize) {
      throw new Error(`${entry.fileName}: ${size} bytes copied, ${entry.compressedSize} expected`);
    }
  }

  /** A new or rewritten part, deflated. */
  add(fileName: string, content: Buffer | string): void {
    const data = Buffer.from(content);
    const compressed = zlib.deflateRawSync(data, { level: 6 });
    const { time, date } = dosNow();
    this.header({
      fileName,
      compressionMethod: 8,
      crc32: zlib.crc32(data),
      compressedSize: compressed.length,
      uncompressedSize: data.length,
      lastModFileTime: time,
      lastModFileDate: date,
    });
    this.write(compressed);
  }

  /** The central directory and its end record; closes the file. */
  finish(): void {
    try {
      const start = this.offset;
      for (const entry of this.written) {
        const name = Buffer.from(entry.fileName, "utf8");
        const central = Buffer.alloc(46);
        central.writeUInt32LE(CENTRAL_HEADER, 0);
        central.writeUInt16LE(20, 4); // made by: MS-DOS, zip 2.0
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(UTF8_NAMES, 8);
        central.writeUInt16LE(entry.compressionMethod, 10);
        central.writeUInt16LE(entry.lastModFileTime, 12);
        central.writeUInt16LE(entry.lastModFileDate, 14);
        central.writeUInt32LE(entry.crc32 >>> 0, 16);
        central.writeUInt32LE(entry.compressedSize, 20);
        central.writeUInt32LE(entry.uncompressedSize, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(entry.offset, 42);
        this.write(central);
        this.write(name);
      }
      if (this.written.length > 0xffff || this.offset > LIMIT) {
        throw new Error("the workbook has too many parts for a zip without zip64");
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(END_OF_DIRECTORY, 0);
      end.writeUInt16LE(this.written.length, 8);
      end.writeUInt16LE(this.written.length, 10);
      end.writeUInt32LE(this.offset - start, 12);
      end.writeUInt32LE(start, 16);
      this.write(end);
    } finally {
      this.close();
    }
  }

  close(): void {
    try {
      fs.closeSync(this.handle);
    } catch {
      // already closed
    }
  }
}
