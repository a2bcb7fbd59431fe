import type { InputProblem } from './types';

export interface ProblemLocation {
  readonly file?: string;
  readonly object?: string;
}

/**
 * The problems found in one object. Readers report into it and keep going, so one pass lists
 * every mistake; the caller then drops the object when anything was reported.
 */
export class Issues {
  private reported = 0;

  constructor(
    private readonly sink: InputProblem[],
    private readonly location: ProblemLocation,
  ) {}

  report(field: string | undefined, message: string): void {
    this.reported += 1;
    this.sink.push(problem(this.location, field, message));
  }

  /** How many problems were reported so far; compare before and after reading a part. */
  get count(): number {
    return this.reported;
  }

  get clean(): boolean {
    return this.reported === 0;
  }
}

/** Builds an InputProblem without `undefined` members, so JSON output stays tidy. */
export function problem(
  location: ProblemLocation,
  field: string | undefined,
  message: string,
): InputProblem {
  return {
    ...(location.file !== undefined && { file: location.file }),
    ...(location.object !== undefined && { object: location.object }),
    ...(field !== undefined && field !== '' && { field }),
    message,
  };
}
