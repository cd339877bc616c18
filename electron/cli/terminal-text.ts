/**
 * Text that came from a server or an index, made safe to print on a terminal: control characters,
 * escape sequences and invisible direction overrides are shown escaped (ESC [31m prints as the six
 * characters `\x1b[31m`), never passed through. Every human formatter of the CLI uses it; JSON
 * output does not (it stays exact, and JSON escapes control characters itself).
 */

/** C0 controls, DEL, C1 controls, bidi overrides and isolates, line/paragraph separators, BOM. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** The same, minus tab, line feed and a carriage return that ends a CRLF line (harmless in multi-line text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\r(?!\n)/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\x1b` for a character up to U+00FF, `\u202e` above, `\n` `\r` `\t` by name. */
function escaped(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of untrusted text (a name, a description, a URL, an error excerpt): every control character escaped, line breaks included. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** Multi-line untrusted text (values.yaml, a README, Chart.yaml, a trace): line breaks and tabs kept, every other control character escaped. */
export function safeBlock(text: string): string {
  return text.replace(UNSAFE_IN_BLOCK, escaped);
}
