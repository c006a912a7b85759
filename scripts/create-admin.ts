// `npm run create-admin`: creates the first administrator of a database that has no demo accounts (every
// PostgreSQL database, and SQLite with SEED_DEMO=0). Applies the migrations first, so it also works before
// the app has ever started on the database.
//   npm run create-admin -- --email ops@example.org --name "Olga Ops"     asks for the password
//   ADMIN_PASSWORD=… npm run create-admin -- --email … --name …          takes it from the environment
// Missing email or name are asked for. The password is never taken from the command line, where the shell
// history and the process list would keep it.
import path from "node:path";
import dotenv from "dotenv";
import { checkEmail, checkName, createFirstAdministrator, passwordProblem } from "../lib/admin/first-administrator";
import { createDb } from "../lib/db/connect";
import { migrate } from "../lib/db/migrate";
import { demoAccountsPresent } from "../lib/db/seed";
import { databaseUrl, providerOf } from "../lib/db/url";
import { InputCancelled, openInput, type Input } from "./terminal-input";

const USAGE = "usage: npm run create-admin -- [--email ADDRESS] [--name NAME]   (password: prompt, or ADMIN_PASSWORD)";
const NO_PASSWORD_ARGUMENT =
  "create-admin does not take a password on the command line: the shell history and the process list would keep it. Type it at the prompt, or set ADMIN_PASSWORD in the environment.";

class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function readArguments(args: string[]): { email?: string; name?: string } {
  const options: { email?: string; name?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (/^(-p|--?pass)/i.test(flag)) throw new Refusal(NO_PASSWORD_ARGUMENT, 2);
    if (flag !== "--email" && flag !== "--name") {
      // Anything else may be a password typed where it should not be: refused, and never echoed back.
      throw new Refusal(`Unexpected argument${args[i].startsWith("-") ? ` ${flag}` : ""}. ${USAGE}`, 2);
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new Refusal(`${flag} needs a value. ${USAGE}`, 2);
    options[flag.slice(2) as "email" | "name"] = value;
  }
  return options;
}

async function readPassword(input: Input, email: string): Promise<string> {
  const fromEnvironment = process.env.ADMIN_PASSWORD;
  if (fromEnvironment !== undefined && fromEnvironment !== "") {
    const problem = passwordProblem(fromEnvironment, email);
    if (problem) throw new Refusal(`ADMIN_PASSWORD is refused. ${problem}`);
    return fromEnvironment;
  }
  for (;;) {
    const password = await input.askHidden("Password: ");
    const problem = passwordProblem(password, email);
    if (problem) {
      // A person at a terminal tries again; a script finds out at once.
      if (!input.isTerminal) throw new Refusal(`The password is refused. ${problem}`);
      process.stderr.write(`${problem}\n`);
      continue;
    }
    if (input.isTerminal && (await input.askHidden("Repeat the password: ")) !== password) {
      process.stderr.write("The two passwords differ. Try again.\n");
      continue;
    }
    return password;
  }
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  // The same database as `npm start`: .env, then the default SQLite file relative to the project.
  process.chdir(root);
  dotenv.config({ path: path.join(root, ".env"), quiet: true });
  const options = readArguments(process.argv.slice(2));
  const url = databaseUrl();

  const input = openInput();
  try {
    let email: string | undefined;
    for (let answer = options.email; email === undefined; ) {
      const checked = checkEmail(answer ?? (await input.ask("Email: ")));
      if ("email" in checked) email = checked.email;
      else if (options.email !== undefined || !input.isTerminal) throw new Refusal(checked.problem);
      else process.stderr.write(`${checked.problem}\n`);
      answer = undefined;
    }
    let name: string | undefined;
    for (let answer = options.name; name === undefined; ) {
      const checked = checkName(answer ?? (await input.ask("Name: ")));
      if ("name" in checked) name = checked.name;
      else if (options.name !== undefined || !input.isTerminal) throw new Refusal(checked.problem);
      else process.stderr.write(`${checked.problem}\n`);
      answer = undefined;
    }
    const password = await readPassword(input, email);

    const applied = await migrate(url);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to the new database.`);
    const db = createDb(url);
    try {
      const created = await createFirstAdministrator(db, { email, name, password });
      if (!created.ok) throw new Refusal(created.message);
      console.log(`Administrator ${email} created on ${providerOf(url) === "postgresql" ? "PostgreSQL" : "SQLite"}: Administrator role (every permission), groups ${created.value.groups.join(", ") || "(none yet)"}. Sign in at /login.`);
      const demo = await demoAccountsPresent(db);
      if (demo.length > 0) console.warn(`Warning: demo accounts with published passwords exist (${demo.join(", ")}). Delete them from the admin panel.`);
    } finally {
      await db.$disconnect();
    }
  } finally {
    input.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof Refusal) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  if (error instanceof InputCancelled) {
    console.error(`Nothing was created: ${error.message}.`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
