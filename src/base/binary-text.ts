/**
 * Text that is not text: a gzip body nobody asked for, an image, a truncated multibyte stream — decoded as
 * UTF-8 it is replacement characters and control bytes. Quoting it in an error message helps nobody and can
 * wreck a terminal; it is described instead (`[312 bytes of binary data]`).
 */

/** True when a decoded body is mostly not text: a NUL, or more than 1 in 10 characters undecodable/control. */
export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = text.slice(0, 4_096);
  if (sample.length === 0) return false;
  let odd = 0;
  for (const char of sample) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) odd++;
  }
  return odd * 10 > sample.length;
}

export function describeBinary(text: string): string {
  return `[${Buffer.byteLength(text, 'utf8')} bytes of binary data, not shown]`;
}
