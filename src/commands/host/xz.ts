/**
 * xz (apt's `Packages.xz` lists) through xz-decompress (xz-embedded compiled to WebAssembly, no
 * native code; loaded only when an .xz list is present). Output is capped: a stream that inflates
 * past `max` bytes is cancelled with an error, and input without the xz magic (or that decodes to
 * nothing) is an error, never an empty list.
 */
const MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

export async function xzDecompress(data: Buffer, max = 256 * 1024 * 1024): Promise<Buffer> {
  if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an xz stream');
  // A CommonJS module: its exports arrive as the default export under ESM.
  const mod = (await import('xz-decompress')) as typeof import('xz-decompress') & { default?: typeof import('xz-decompress') };
  const XzReadableStream = mod.XzReadableStream ?? mod.default!.XzReadableStream;
  const input = new Blob([new Uint8Array(data)]).stream() as ReadableStream<Uint8Array>;
  const reader = new XzReadableStream(input).getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (e) {
      throw new Error(`corrupt xz stream (${(e as Error).message})`);
    }
    const { done, value } = step;
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`decompresses to more than ${max} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  if (!total) throw new Error('the xz stream is empty or corrupt');
  return Buffer.concat(chunks, total);
}
