/** Things the user should be told about their data, collected while the process runs. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Notice } from '../../contract/repos';

/** One notice. */
export type NoticeRecord = z.output<typeof Notice>;

/** Collects notices; the UI lists them, the CLI prints them. */
export interface NoticeBoard {
  add(level: NoticeRecord['level'], message: string): void;
  list(): NoticeRecord[];
}

/** Creates a notice board; `onNotice` sees each notice as it arrives (to log it or print it). */
export function createNoticeBoard(onNotice: (notice: NoticeRecord) => void = () => {}, now: () => number = Date.now): NoticeBoard {
  const notices: NoticeRecord[] = [];
  return {
    add(level, message) {
      const notice = { id: randomUUID(), level, message, at: now() };
      notices.push(notice);
      onNotice(notice);
    },
    list: () => [...notices],
  };
}
