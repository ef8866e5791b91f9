/**
 * The message blocks of the guide's chapter 11 ("Call-Event Message Flows as Seen in the Log
 * Files"), taken from the guide text itself: the contents of its `<pre>`, `<p>` and fenced
 * cells, in order (a message split over two cells continues in the next one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GUIDE = fileURLToPath(new URL('../../../shared/spec/000_a702918f8d102832.txt', import.meta.url));

export const guidePresent = (): boolean => existsSync(GUIDE);

/** The chapter's flow cells joined into one text of `MsgType:` blocks. */
export function chapter11FlowText(): string {
  const guide = readFileSync(GUIDE, 'utf8');
  const start = guide.indexOf('Example Message Flow for a Queued and Answered Call\n\nIn this example');
  const end = guide.indexOf('Document History', start);
  const chapter = guide.slice(start, end);
  const cells: string[] = [];
  const re = /<pre>([\s\S]*?)<\/pre>|<p>([\s\S]*?)<\/p>|```\n([\s\S]*?)```/g;
  for (let m = re.exec(chapter); m; m = re.exec(chapter)) {
    const cell = m[1] ?? m[2] ?? m[3] ?? '';
    if (cell.includes(':')) cells.push(cell.trim());
  }
  return cells.join('\n');
}
