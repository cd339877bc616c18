/**
 * Reading raw index values (YAML text as written, or JSON values) into typed fields, leniently:
 * a field of the wrong shape is dropped with a note instead of failing the whole entry.
 */

/** Collects notes about fields that were dropped or coerced. */
export type NoteSink = (note: string) => void;

/** True for a plain object (a decoded mapping). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text field: strings as written, numbers and booleans as their text; absent for null. */
export function textField(value: unknown, field: string, note: NoteSink): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  note(`field "${field}" is not text and was ignored`);
  return undefined;
}

/** A list of text; a single text value becomes a one-item list. */
export function textList(value: unknown, field: string, note: NoteSink): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const single = textField(value, field, note);
    return single === undefined ? [] : [single];
  }
  const out: string[] = [];
  for (const item of value) {
    const text = textField(item, field, note);
    if (text !== undefined) out.push(text);
  }
  return out;
}

const TRUE_TEXT = new Set(['true', 'True', 'TRUE', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const FALSE_TEXT = new Set(['false', 'False', 'FALSE', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** A boolean field (YAML 1.1 spellings accepted, as Helm's YAML library does). */
export function boolField(value: unknown, field: string, note: NoteSink): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (TRUE_TEXT.has(value)) return true;
    if (FALSE_TEXT.has(value)) return false;
  }
  note(`field "${field}" is not true or false and was ignored`);
  return undefined;
}

/** A mapping of text to text (annotations); entries whose value is not text are dropped. */
export function textMap(value: unknown, field: string, note: NoteSink): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined || value === null) return out;
  if (!isRecord(value)) {
    note(`field "${field}" is not a mapping and was ignored`);
    return out;
  }
  for (const [key, item] of Object.entries(value)) {
    const text = item === null ? '' : textField(item, `${field}.${key}`, note);
    if (text !== undefined) Object.defineProperty(out, key, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A list of mappings; items that are not mappings are dropped with a note. */
export function recordList(value: unknown, field: string, note: NoteSink): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: Record<string, unknown>[] = [];
  for (const item of items) {
    if (isRecord(item)) out.push(item);
    else note(`an item of "${field}" is not a mapping and was ignored`);
  }
  return out;
}

/** Sets key on target only when value is defined (keeps optional fields truly absent). */
export function setDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
