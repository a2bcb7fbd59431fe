import * as fs from 'node:fs';

/** Where a command writes: injectable so tests run commands in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => fs.readFileSync(0, 'utf8'),
};

/** Exit codes of every command. */
export const EXIT = { ok: 0, belowThreshold: 1, badInput: 2 } as const;
