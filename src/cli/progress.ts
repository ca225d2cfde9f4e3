/*
 * One status line on stderr, redrawn in place with \r at most ten times a second: "Import 1 234/5 000
 * [#####-----] 24 % · 212 Dok./s · noch 18 s". Written by hand rather than with a progress-bar
 * library: it is twenty lines, and the report lines printed between updates need the line cleared
 * first, which is simplest when the line is our own. Only used when stderr is a terminal.
 */
export interface Progress {
  update(done: number): void;
  /** Clears the status line, writes the text, and lets the next update redraw it. */
  interrupt(write: () => void): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, total: number | null, started = performance.now()): Progress {
  let last = 0;
  let shown = false;
  let current = 0;
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? current / seconds : 0;
    let line = `Import ${current}${total ? `/${total}` : ''}`;
    if (total) {
      const share = Math.min(1, current / total);
      const width = 20;
      line += ` [${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ${Math.floor(share * 100)} %`;
    }
    line += ` · ${rate.toFixed(0)} Dok./s`;
    if (total && rate > 0) line += ` · noch ${Math.ceil((total - current) / rate)} s`;
    stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}\x1b[K`);
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    update(done) {
      current = done;
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      draw();
    },
    interrupt(write) {
      clear();
      write();
    },
    done: clear,
  };
}
