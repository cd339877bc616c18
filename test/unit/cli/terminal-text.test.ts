/** Terminal-safe text: what a hostile server or index sends is shown, never obeyed, by the terminal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeBlock, safeLine } from '../../../electron/cli/terminal-text';
import { textTable } from '../../../electron/cli/text-table';

const ESC = '\u001b';

describe('safeLine', () => {
  it('prints escape sequences as text: colours, title changes, hyperlinks, cursor moves', () => {
    expect(safeLine(`${ESC}[31mred${ESC}[0m`)).toBe('\\x1b[31mred\\x1b[0m');
    expect(safeLine(`${ESC}]0;title\u0007`)).toBe('\\x1b]0;title\\x07');
    expect(safeLine(`${ESC}]8;;https://x/${ESC}\\`)).toBe('\\x1b]8;;https://x/\\x1b\\');
    expect(safeLine('\u009b2J')).toBe('\\x9b2J'); // the 8-bit CSI
  });

  it('escapes line breaks, tabs, carriage returns, DEL and invisible direction overrides', () => {
    expect(safeLine('a\nb\tc\rd\u007fe')).toBe('a\\nb\\tc\\rd\\x7fe');
    expect(safeLine('abc\u202Efed\u2066x\u2069')).toBe('abc\\u202efed\\u2066x\\u2069');
  });

  it('leaves ordinary text alone, non-ASCII letters and symbols included', () => {
    for (const text of ['nginx 1.2.3', 'Grafana’s “dashboards” — über 数据', 'emoji 🚀 ok']) expect(safeLine(text)).toBe(text);
  });

  it('never lets a control character through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        expect(safeLine(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        expect(safeBlock(text)).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/);
      }),
    );
  });

  it('is idempotent, so escaping twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(safeLine(safeLine(text))).toBe(safeLine(text));
      }),
    );
  });
});

describe('safeBlock', () => {
  it('keeps lines, tabs and CRLF endings of a file, and escapes the rest', () => {
    expect(safeBlock('key: value\n\tindented\r\nnext\n')).toBe('key: value\n\tindented\r\nnext\n');
    expect(safeBlock(`over\rwritten\n${ESC}[2J`)).toBe('over\\rwritten\n\\x1b[2J');
  });
});

describe('textTable', () => {
  it('escapes every cell and pads by the escaped width', () => {
    const out = textTable(['NAME', 'DESCRIPTION'], [[`a${ESC}[1m`, 'x'], ['bb', `y${ESC}[0m`]]);
    expect(out).toBe('NAME      DESCRIPTION\na\\x1b[1m  x\nbb        y\\x1b[0m\n');
  });
});
