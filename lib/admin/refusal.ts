// A change refused for a reason the person can act on. Thrown inside a transaction so that it rolls back,
// and turned into a form message (on the field it concerns, when there is one) by the caller.
export class AdminRefusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AdminRefusal";
  }
}

export type MutationResult<T = void> = { ok: true; value: T } | { ok: false; message: string; field?: string };

export function ok<T>(value: T): MutationResult<T> {
  return { ok: true, value };
}
