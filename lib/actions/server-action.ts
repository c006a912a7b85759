import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { UserAccess } from "../access/user-access";
import { canManageUsers } from "../admin/guard";
import { passwordConfirmationRequired } from "../auth/confirmation";
import { getCurrentSession, type CurrentSession } from "../auth/session";
import { recentlyConfirmed } from "../auth/sudo";
import { errorFields, logger } from "../log/logger.mjs";
import { ACTION_MESSAGES, echoValues, refused, type ActionState, type FieldErrors, type FormFields } from "./state";

// Every server action is a public HTTP endpoint: anyone can call it with any form data. Each one is built
// with serverAction, which runs the same steps in the same order, so that none can forget one:
//   1. the guard: the caller comes from the session cookie, never from the form; "user" needs a signed-in
//      user, "manager" a staff user holding users:manage (read live from the database);
//   2. sudo mode where asked (always for "manager"): the password typed within the last 15 minutes;
//   3. the input, parsed and validated; a refusal puts the submitted values back (never a password);
//   4. the work, given the caller and the parsed input. Anything it throws is logged by the action's name
//      and the error's class and code only (a message could echo submitted data) and answered with the
//      action's "nothing happened" message.

export type ActionCaller = { user: UserAccess; session: CurrentSession };

/** The parsed input, or why it was refused (a message, and errors beside the fields). */
export type ParsedInput<Input> = { ok: true; input: Input } | { ok: false; message: string; errors?: FieldErrors };

type ActionOptions = {
  /** Logged as `${name}_failed` when the work throws, e.g. "token_generate". */
  name: string;
  guard: "user" | "manager";
  /** Needs the password typed within the last 15 minutes. Every "manager" action does. */
  confirmPassword?: boolean;
  /** The fields whose submitted values come back with any refusal. */
  echo?: FormFields;
  /** The answer when the work fails unexpectedly; it must say that nothing was changed. */
  failed: string;
};

type InputStep<Input> = (formData: FormData, caller: ActionCaller) => ParsedInput<Input> | Promise<ParsedInput<Input>>;
type WorkStep<Input, Success extends object> = (input: Input, caller: ActionCaller) => Promise<ActionState<Success>>;

/**
 * Builds a server action in three steps, in the spirit of next-safe-action's clients:
 * `serverAction({ name, guard, failed }).input(parse).run(work)`.
 */
export function serverAction(options: ActionOptions) {
  return {
    input<Input>(parse: InputStep<Input>) {
      return {
        run<Success extends object = object>(work: WorkStep<Input, Success>) {
          return buildAction(options, parse, work);
        },
      };
    },
  };
}

function buildAction<Input, Success extends object>(options: ActionOptions, parse: InputStep<Input>, work: WorkStep<Input, Success>) {
  return async (_previous: ActionState<Success>, formData: FormData): Promise<ActionState<Success>> => {
    const session = await getCurrentSession();
    if (!session) return refused(ACTION_MESSAGES.signedOut);
    if (options.guard === "manager" && !canManageUsers(session.user)) return refused(ACTION_MESSAGES.notAllowed);
    // Asked after the permission, so that someone who may not act is told so rather than asked for a password.
    if ((options.guard === "manager" || options.confirmPassword) && !recentlyConfirmed(session)) return passwordConfirmationRequired();

    const caller: ActionCaller = { user: session.user, session };
    const values = options.echo ? echoValues(formData, options.echo) : undefined;
    try {
      const parsed = await parse(formData, caller);
      if (!parsed.ok) return refused(parsed.message, parsed.errors, values);
      const state = await work(parsed.input, caller);
      return state.status === "error" && values && !state.values ? { ...state, values } : state;
    } catch (error) {
      // redirect() and notFound() work by throwing: they are answers, not failures.
      unstable_rethrow(error);
      logger.error({ event: `${options.name}_failed`, userId: session.user.id, ...errorFields(error) });
      return refused(options.failed, undefined, values);
    }
  };
}
