import { formatProgress } from '../../lib/pdf/progress.ts';

export interface Progress {
  tick(): void;
  finish(): void;
}

/**
 * Progress of a long PDF run: on a terminal one line updated in place (done/total, rate, ETA);
 * otherwise (CI, log files) a line at each quarter, so logs stay short.
 */
export function createProgress(total: number, log: (line: string) => void, stream: NodeJS.WriteStream = process.stdout): Progress {
  const started = performance.now();
  const tty = Boolean(stream.isTTY) && process.env.CI === undefined;
  let done = 0;
  let lastDraw = 0;
  let nextQuarter = 1;
  const line = () => formatProgress(done, total, (performance.now() - started) / 1000);
  return {
    tick() {
      done++;
      if (tty) {
        const now = performance.now();
        if (now - lastDraw > 200 || done === total) {
          lastDraw = now;
          stream.write(`\r${line()}\x1b[K`);
        }
        return;
      }
      if (total >= 8 && done >= (nextQuarter * total) / 4) {
        while (done >= (nextQuarter * total) / 4) nextQuarter++;
        log(line());
      }
    },
    finish() {
      if (tty && done > 0) stream.write(`\r${line()}\x1b[K\n`);
    },
  };
}
