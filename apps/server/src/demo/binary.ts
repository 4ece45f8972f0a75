/**
 * Encoder for PostgreSQL's binary COPY format. Binary needs no escaping and sends a UUID as 16 bytes
 * instead of 36 characters to parse, which halves the database's work on these id-heavy tables.
 * Layout: signature, flags and extension length; per row a field count, then per field a byte length
 * (-1 for NULL) and the value in the type's send/recv format; a -1 field count ends the data.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const CHUNK = 1 << 16;
/** Room for the largest row, so a row never straddles two chunks. */
const SLACK = 1 << 14;
/** Days from 1970-01-01 (our day numbers) to 2000-01-01 (PostgreSQL's date epoch). */
const PG_EPOCH_DAYS = 10_957;
const TEXT_OID = 25;

export class RowWriter {
  private buf = Buffer.allocUnsafe(CHUNK + SLACK);
  private pos = 0;

  constructor() {
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11);
    this.buf.writeInt32BE(0, 15);
    this.pos = 19;
  }

  /** Starts a row of `fields` columns. */
  row(fields: number): void {
    this.buf.writeInt16BE(fields, this.pos);
    this.pos += 2;
  }

  /** A uuid column from 16 bytes of `src` at `offset`. */
  uuid(src: Buffer, offset = 0): void {
    this.buf.writeInt32BE(16, this.pos);
    src.copy(this.buf, this.pos + 4, offset, offset + 16);
    this.pos += 20;
  }

  /** A text column (UTF-8). */
  text(value: string): void {
    const n = this.buf.write(value, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
  }

  /** A text column known to be ASCII (codes, numbers, paths): skips UTF-8 encoding. */
  ascii(value: string): void {
    const n = this.buf.write(value, this.pos + 4, 'latin1');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
  }

  /** An ltree column: version byte 1, then the path as text. */
  ltree(path: string): void {
    const n = this.buf.write(path, this.pos + 5, 'latin1');
    this.buf.writeInt32BE(n + 1, this.pos);
    this.buf[this.pos + 4] = 1;
    this.pos += 5 + n;
  }

  null(): void {
    this.buf.writeInt32BE(-1, this.pos);
    this.pos += 4;
  }

  int4(value: number): void {
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE(value, this.pos + 4);
    this.pos += 8;
  }

  bool(value: boolean | number): void {
    this.buf.writeInt32BE(1, this.pos);
    this.buf[this.pos + 4] = value ? 1 : 0;
    this.pos += 5;
  }

  /** A date column from a day number (days since 1970-01-01). */
  date(day: number): void {
    this.int4(day - PG_EPOCH_DAYS);
  }

  bytea(value: Buffer): void {
    this.buf.writeInt32BE(value.length, this.pos);
    value.copy(this.buf, this.pos + 4);
    this.pos += 4 + value.length;
  }

  /** A one-dimensional text[] of ASCII codes. */
  textArray(items: readonly string[]): void {
    const start = this.pos;
    let p = start + 4;
    this.buf.writeInt32BE(items.length > 0 ? 1 : 0, p);
    this.buf.writeInt32BE(0, p + 4);
    this.buf.writeInt32BE(TEXT_OID, p + 8);
    p += 12;
    if (items.length > 0) {
      this.buf.writeInt32BE(items.length, p);
      this.buf.writeInt32BE(1, p + 4);
      p += 8;
      for (const item of items) {
        const n = this.buf.write(item, p + 4, 'latin1');
        this.buf.writeInt32BE(n, p);
        p += 4 + n;
      }
    }
    this.buf.writeInt32BE(p - start - 4, start);
    this.pos = p;
  }

  /** True when a chunk is ready to be sent. */
  get full(): boolean {
    return this.pos >= CHUNK;
  }

  /** Hands over the bytes written so far (ending the data when `last`) and starts a new chunk. */
  take(last = false): Buffer {
    if (last) {
      this.buf.writeInt16BE(-1, this.pos);
      this.pos += 2;
    }
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK + SLACK);
    this.pos = 0;
    return out;
  }
}
