/** A line diff of two values.yaml texts, shaped for a side-by-side or a unified view. */
import { createTwoFilesPatch, diffLines } from 'diff';
import { ChartDeskError } from '../errors';

/** A run of lines that are the same in both, only in the old text, or only in the new one. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  lines: string[];
}

/** The diff of two texts. */
export interface TextDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
  /** A unified patch (3 lines of context), ready to show or copy. */
  unified: string;
}

/** Largest edit distance computed before giving up (keeps huge, unrelated files from hanging the core). */
const MAX_EDIT_LENGTH = 20_000;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Diffs `before` and `after` line by line; labels name the two sides in the unified patch. */
export function diffTexts(before: string, after: string, labels: { from: string; to: string }): TextDiff {
  const options = { maxEditLength: MAX_EDIT_LENGTH, stripTrailingCr: true };
  const changes = diffLines(before, after, options);
  const unified = createTwoFilesPatch(labels.from, labels.to, before, after, undefined, undefined, { ...options, context: 3 });
  if (changes === undefined || unified === undefined) {
    throw new ChartDeskError('too-large', 'diff', 'The two files differ too much to compare line by line.');
  }
  let added = 0;
  let removed = 0;
  const parts: DiffPart[] = changes.map((change) => {
    const lines = splitLines(change.value);
    if (change.added) added += lines.length;
    if (change.removed) removed += lines.length;
    return { kind: change.added ? 'added' : change.removed ? 'removed' : 'same', lines };
  });
  return { parts, added, removed, unified };
}
