export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A new time-ordered UUID (v7). */
  next(): string;
}
