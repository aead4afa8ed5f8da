/**
 * A one-line progress bar on stderr, only when stderr is a terminal: pipes and CI logs
 * get no carriage-return noise.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const active = stream.isTTY === true;
  let drawn = false;
  return {
    update(label: string, done: number, total: number): void {
      if (!active || total <= 0) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}\x1b[K`);
      drawn = true;
    },
    done(): void {
      if (active && drawn) stream.write("\n");
      drawn = false;
    },
  };
}
