/**
 * LZ4 frame decompression (the format of apt's `*_Packages.lz4` lists when apt is configured to keep
 * its lists compressed, as Docker images of Debian / Ubuntu are). Written here because Node has
 * zlib but no LZ4, and the npm packages bind native code or WASM for both directions; honban only
 * reads, a few hundred KiB at a time. Output is capped (`max`): a bomb ends with an error.
 */
const MAGIC = 0x184d2204;

export function lz4Decompress(input: Buffer, max = 64 * 1024 * 1024): Buffer {
  if (input.length < 7 || input.readUInt32LE(0) !== MAGIC) throw new Error('not an LZ4 frame');
  const flg = input[4]!;
  if (flg >> 6 !== 1) throw new Error('unsupported LZ4 frame version');
  const blockChecksum = (flg & 0x10) !== 0;
  const contentSize = (flg & 0x08) !== 0;
  const dictId = (flg & 0x01) !== 0;
  let p = 6 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1; // FLG, BD, [size], [dict], HC
  const declared = contentSize ? Number(input.readBigUInt64LE(6)) : 0;
  let out = Buffer.allocUnsafe(Math.min(max, declared > 0 ? declared : Math.max(1024, input.length * 6)));
  let o = 0;
  const ensure = (n: number) => {
    if (o + n <= out.length) return;
    if (o + n > max) throw new Error(`LZ4 output larger than ${max} bytes`);
    const next = Buffer.allocUnsafe(Math.min(max, Math.max(out.length * 2, o + n)));
    out.copy(next, 0, 0, o);
    out = next;
  };
  for (;;) {
    if (p + 4 > input.length) throw new Error('truncated LZ4 frame');
    const size = input.readUInt32LE(p);
    p += 4;
    if (size === 0) break;
    const raw = (size & 0x80000000) !== 0;
    const len = size & 0x7fffffff;
    if (p + len > input.length) throw new Error('truncated LZ4 block');
    if (raw) {
      ensure(len);
      input.copy(out, o, p, p + len);
      o += len;
    } else {
      const end = p + len;
      let i = p;
      while (i < end) {
        const token = input[i++]!;
        let lit = token >> 4;
        if (lit === 15) {
          let b: number;
          do {
            b = input[i++]!;
            lit += b;
          } while (b === 255 && i < end);
        }
        ensure(lit);
        input.copy(out, o, i, i + lit);
        o += lit;
        i += lit;
        if (i >= end) break;
        const offset = input[i]! | (input[i + 1]! << 8);
        i += 2;
        if (offset === 0 || offset > o) throw new Error('corrupt LZ4 block');
        let m = (token & 15) + 4;
        if ((token & 15) === 15) {
          let b: number;
          do {
            b = input[i++]!;
            m += b;
          } while (b === 255 && i < end);
        }
        ensure(m);
        let from = o - offset;
        if (offset >= m) {
          out.copyWithin(o, from, from + m);
          o += m;
        } else for (let k = 0; k < m; k++) out[o++] = out[from++]!;
      }
    }
    p += len + (blockChecksum ? 4 : 0);
  }
  return out.subarray(0, o);
}
