/**
 * Deflate and inflate with the platform's CompressionStream (browsers and Node ≥ 20 alike), in the zlib
 * format (RFC 1950): deflate data plus an Adler-32 checksum of the text, so a link damaged in transit
 * fails to inflate instead of opening as a different document. Inflation is capped while it streams.
 */

/** Compresses bytes in the zlib format (CompressionStream `deflate`). */
export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'truncated' | 'damaged' };

/**
 * Input is fed in slices this small so that one slice can inflate to at most about 1 MB (deflate
 * expands 1032:1 at most): a decompression bomb is stopped within a slice of the cap, not after it.
 */
const SLICE_BYTES = 1024;

/** Inflates zlib-format bytes, stopping as soon as the output passes `maxBytes`. Never throws. */
export async function inflateCapped(bytes: Uint8Array, maxBytes: number): Promise<InflateResult> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Set by the reading side when the output passes the cap: the feeding side then stops writing.
  const stop = new AbortController();
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stop.signal.aborted; i += SLICE_BYTES)
      await writer.write(bytes.slice(i, i + SLICE_BYTES));
    if (!stop.signal.aborted) await writer.close();
  })();
  // Errors surface on the reading side too; this only keeps a rejected write from going unhandled.
  feeding.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        stop.abort();
        await Promise.allSettled([reader.cancel(), writer.abort()]);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, reason: isTruncation(error) ? 'truncated' : 'damaged' };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}

/**
 * The streams API has one error type for every failure; only the message tells input that stopped
 * early (a cut link) from input that is wrong. Node/zlib: "unexpected end of file"; Chromium: "Compressed
 * input was truncated"; Firefox: "…ended without reaching the stream end". Anything else: damaged.
 */
function isTruncation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /unexpected end|truncated|without reaching the (stream )?end|end of (the )?(input|stream|data)/i.test(
    message,
  );
}
