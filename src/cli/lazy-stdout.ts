// Node creates process.stdout on its first use (a getter on `process`), and creating it costs a
// command 1.5-3 ms (a tty or pipe stream). `x86lab as -o file` never writes standard output, so
// the CLI waits for that first use instead of touching the stream at start.

/**
 * Calls `then` with process.stdout when something first reads `process.stdout` (at once where
 * node did not leave the getter in place). Nothing can write to the stream, or see it fail, before
 * that read, so an 'error' listener added here misses nothing.
 */
export function whenStdoutOpens(then: (stdout: NodeJS.WriteStream) => void): void {
  const own = Object.getOwnPropertyDescriptor(process, 'stdout');
  if (!own?.get || !own.configurable) {
    then(process.stdout);
    return;
  }
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      // Node's own getter goes back first, so `then` (or another waiter below) reads the stream.
      Object.defineProperty(process, 'stdout', own);
      const stdout = process.stdout;
      then(stdout);
      return stdout;
    },
  });
}
