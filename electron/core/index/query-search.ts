/**
 * Ranked search over chart summaries, built once per loaded index: every query word must match the
 * chart's name, a keyword or its description; an exact name beats a name prefix, which beats a
 * name substring, which beats keywords, which beat the description.
 */
import type { ChartSummary, SearchField, SearchHit } from './query-types';

const SCORE = {
  exactName: 1000,
  namePrefix: 300,
  nameWordPrefix: 200,
  nameSubstring: 120,
  exactKeyword: 80,
  keywordPrefix: 50,
  keywordSubstring: 30,
  descriptionWord: 20,
  descriptionSubstring: 10,
} as const;

/** Lower-cased search text of every chart, built once. */
export class SearchIndex {
  private readonly names: string[];
  private readonly keywords: string[][];
  private readonly descriptions: string[];
  /** name + keywords + description in one string: one indexOf rejects most charts. */
  private readonly haystacks: string[];

  constructor(private readonly summaries: readonly ChartSummary[]) {
    this.names = summaries.map((s) => s.name.toLowerCase());
    this.keywords = summaries.map((s) => s.keywords.map((k) => k.toLowerCase()));
    this.descriptions = summaries.map((s) => (s.description ?? '').toLowerCase());
    this.haystacks = summaries.map((_, i) => `${this.names[i]}\n${(this.keywords[i] as string[]).join('\n')}\n${this.descriptions[i]}`);
  }

  /** All hits for the query, best first (ties by name). */
  search(query: string): SearchHit[] {
    const whole = query.trim().toLowerCase();
    const words = whole.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) return [];
    const hits: SearchHit[] = [];
    for (let i = 0; i < this.summaries.length; i++) {
      const hay = this.haystacks[i] as string;
      if (!words.every((w) => hay.includes(w))) continue;
      const matched = new Set<SearchField>();
      let score = this.names[i] === whole ? SCORE.exactName : 0;
      if (score > 0) matched.add('name');
      let all = true;
      for (const word of words) {
        const s = this.wordScore(i, word, matched);
        if (s === 0) {
          all = false;
          break;
        }
        score += s;
      }
      if (all) hits.push({ chart: this.summaries[i] as ChartSummary, score, matched: [...matched] });
    }
    hits.sort((a, b) => b.score - a.score || (a.chart.name < b.chart.name ? -1 : a.chart.name > b.chart.name ? 1 : 0));
    return hits;
  }

  private wordScore(i: number, word: string, matched: Set<SearchField>): number {
    const name = this.names[i] as string;
    let best = 0;
    if (name === word) best = SCORE.exactName;
    else if (name.startsWith(word)) best = SCORE.namePrefix;
    else {
      const at = name.indexOf(word);
      if (at > 0) best = isWordStart(name, at) ? SCORE.nameWordPrefix : SCORE.nameSubstring;
    }
    if (best > 0) matched.add('name');
    let keyword = 0;
    for (const k of this.keywords[i] as string[]) {
      if (k === word) keyword = Math.max(keyword, SCORE.exactKeyword);
      else if (k.startsWith(word)) keyword = Math.max(keyword, SCORE.keywordPrefix);
      else if (k.includes(word)) keyword = Math.max(keyword, SCORE.keywordSubstring);
    }
    if (keyword > 0) matched.add('keyword');
    const description = this.descriptions[i] as string;
    const at = description.indexOf(word);
    const inDescription = at < 0 ? 0 : isWordStart(description, at) ? SCORE.descriptionWord : SCORE.descriptionSubstring;
    if (inDescription > 0) matched.add('description');
    return Math.max(best, keyword, inDescription);
  }
}

function isWordStart(text: string, at: number): boolean {
  return at === 0 || !/[a-z0-9]/.test(text[at - 1] as string);
}
