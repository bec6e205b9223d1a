/**
 * A 53-bit hash of a text given as its lines (cyrb53: two 32-bit multiply-xor lanes), as 14 hex
 * digits. Not for security: it tells a changed brief from an unchanged one cheaply, where a
 * collision only means a changed brief is reported as unchanged. Lines are hashed as if joined by
 * line feeds, without joining them.
 */
export function fingerprint(lines: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // A line feed before every line but the first; -1 stands for it in the loop below.
    for (let j = i === 0 ? 0 : -1; j < line.length; j++) {
      const c = j < 0 ? 10 : line.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
