/** JSON exactly as Go's encoding/json (used by gin's c.JSON) writes it: compact, HTML-safe escapes. */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A header value as Go sees it: raw bytes read as UTF-8, invalid sequences become U+FFFD. */
export function headerAsGoString(latin1Value: string): string {
  return Buffer.from(latin1Value, 'latin1').toString('utf8');
}

/**
 * What Go's fmt.Sprintf(s) prints when `s` is used as a format with no arguments (the example token
 * server does exactly that with the API key it echoes): `%%` becomes `%`, each verb `%!v(MISSING)`.
 */
export function goSprintfNoArgs(format: string): string {
  return format.replace(/%(%|[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*)?)?(.?))/gs, (_match, whole: string, verb: string) => {
    if (whole === '%') return '%';
    if (verb === '') return '%!(NOVERB)';
    return `%!${verb}(MISSING)`;
  });
}

/** RFC 3339 time as Go's time.Time marshals it (fraction trimmed of trailing zeros), in UTC. */
export function goTime(date: Date): string {
  return date.toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}
