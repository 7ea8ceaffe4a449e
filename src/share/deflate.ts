/**
 * Raw deflate (RFC 1951) through the platform's CompressionStream / DecompressionStream, present
 * in every current browser and in Node 20: no dependency, nothing added to the bundle.
 *
 * Inflating is bounded: a link is hostile input, and deflate can expand about 1000:1, so a
 * 150 KB fragment could ask for 150 MB. The compressed bytes are fed in small slices and the
 * output is counted as it arrives; past the cap everything is cancelled. At most one slice's
 * worth of output (≈ 1032 × INFLATE_SLICE bytes) is ever produced beyond the cap.
 */

/** Compressed bytes fed per write while inflating. */
export const INFLATE_SLICE = 512;

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Written without awaiting: the readable side must be drained at the same time, or the
  // writer would wait on back-pressure for ever.
  const writing = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const chunks = await readAll(stream.readable.getReader(), Infinity);
  await writing;
  if (chunks === 'too-large') throw new Error('unreachable: no cap while deflating');
  return concat(chunks.parts, chunks.total);
}

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'corrupt' };

/** Inflates `bytes`, giving up as soon as the output exceeds `maxOutput` bytes. Never throws. */
export async function inflateRawBounded(
  bytes: Uint8Array,
  maxOutput: number,
): Promise<InflateResult> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stop = false;
  const writing = (async () => {
    for (let at = 0; at < bytes.length && !stop; at += INFLATE_SLICE) {
      await writer.write(bytes.slice(at, at + INFLATE_SLICE));
    }
    if (!stop) await writer.close();
  })().catch(() => {
    // A corrupt stream errors both sides; the reader reports it.
  });
  try {
    const result = await readAll(reader, maxOutput);
    if (result === 'too-large') {
      stop = true;
      await Promise.allSettled([reader.cancel(), writer.abort()]);
      return { ok: false, reason: 'too-large' };
    }
    await writing;
    return { ok: true, bytes: concat(result.parts, result.total) };
  } catch {
    stop = true;
    await Promise.allSettled([reader.cancel(), writer.abort()]);
    return { ok: false, reason: 'corrupt' };
  }
}

async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxOutput: number,
): Promise<{ parts: Uint8Array[]; total: number } | 'too-large'> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { parts, total };
    total += value.length;
    if (total > maxOutput) return 'too-large';
    parts.push(value);
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
