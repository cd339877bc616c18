import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Countdown } from '../../../renderer/src/components/Countdown';
import { formatDuration } from '../../../renderer/src/components/time-format';
import { failureCodeTitle, failureSentence } from '../../../renderer/src/features/tokens/verify-words';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('how long until (or since) a token expires', () => {
  it('keeps exact minutes and seconds under an hour, hours and minutes under a day', () => {
    expect(formatDuration(4 * MINUTE + 59 * SECOND)).toBe('4:59');
    expect(formatDuration(42 * SECOND)).toBe('0:42');
    expect(formatDuration(2 * HOUR + 5 * MINUTE + 30 * SECOND)).toBe('2 h 5 min');
    expect(formatDuration(1 * DAY + 4 * HOUR + 10 * MINUTE)).toBe('1 day 4 h');
  });

  it('words long spans in days, weeks, months and years', () => {
    expect(formatDuration(3 * DAY + 5 * HOUR)).toBe('3 days');
    expect(formatDuration(20 * DAY)).toBe('2 weeks');
    expect(formatDuration(100 * DAY)).toBe('3 months');
    expect(formatDuration(400 * DAY)).toBe('1 year');
    expect(formatDuration(2915 * DAY + 8 * HOUR)).toBe('7 years');
  });

  it('shows an old token as "Expired 7 years ago", not as days and hours', () => {
    const html = renderToStaticMarkup(<Countdown expiresAt={Date.now() - (2915 * DAY + 8 * HOUR)} />);
    expect(html).toContain('Expired 7 years ago');
    expect(html).toContain('data-state="expired"');
    expect(renderToStaticMarkup(<Countdown expiresAt={Date.now() + 2 * HOUR + 5 * MINUTE + 30 * SECOND} />)).toContain('Expires in 2 h 5 min');
    expect(renderToStaticMarkup(<Countdown expiresAt={Date.now() - 3 * DAY - HOUR} />)).toContain('Expired 3 days ago');
  });
});

describe('why a signature check failed, in words', () => {
  it('uses the core’s sentence, or one made from the code, never a bare code word', () => {
    expect(failureSentence({ code: 'bad-key', reason: 'The key is not a PEM public key or certificate.' })).toBe('The key is not a PEM public key or certificate.');
    for (const code of ['expired', 'not-yet-valid', 'bad-signature', 'wrong-alg', 'no-matching-key', 'bad-key'] as const) {
      const sentence = failureSentence({ code });
      expect(sentence).toMatch(/^[A-Z].+\.$/);
      expect(sentence).not.toMatch(/\b[a-z]+-[a-z-]+\b/);
      expect(failureCodeTitle(code)).toContain(code);
    }
  });
});
