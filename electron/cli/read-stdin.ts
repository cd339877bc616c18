/** Reads all of standard input up to a cap (empty when it is a terminal). */
import { ChartDeskError } from '../core/errors';

/** Resolves stdin's text; past `maxBytes`, 'too-large' with `what` naming what it should hold, or with `truncate` only the first `maxBytes`. */
export async function readStdinCapped(stdin: NodeJS.ReadStream, maxBytes: number, what: string, truncate = false): Promise<string> {
  if (stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      if (truncate) break;
      throw new ChartDeskError('too-large', 'read-stdin', `Standard input is larger than ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MiB` : `${Math.round(maxBytes / 1024)} KiB`}; ChartDesk reads only ${what} from it.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
