// `npm run create-admin` (scripts/create-admin.ts), run as a person or a deployment script would, against a
// new scratch database each time (SQLite, and PostgreSQL when TEST_DATABASE_URL names one): it applies the
// migrations, creates an administrator with every permission and every group, reads the password from
// ADMIN_PASSWORD, from a pipe, or from a terminal with echo off, and refuses a password on the command line,
// a weak password and an email that is taken. Signing in as the result is tested in e2e/scale/demo-accounts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/access/permissions";
import { FIRST_ADMIN_MESSAGES, passwordProblem } from "@/lib/admin/first-administrator";
import { createDb } from "@/lib/db/connect";
import { readMigrations } from "@/lib/db/migrate";
import { providerOf } from "@/lib/db/url";
import { scratchDatabases, type ScratchDatabase } from "./support/scratch-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const SCRIPT = path.join(ROOT, "scripts/create-admin.ts");
// Each run starts Node and tsx and opens the database: seconds on a loaded machine.
const RUN_TIMEOUT_MS = 180_000;
const PASSWORD = "seven blue lanterns";

type Run = { code: number | null; output: string };
type Answer = { after: string; send: string };

/**
 * Runs the script with the given arguments and environment. With `terminal`, it runs under a pseudo-terminal
 * (util-linux `script`), and each answer is typed only once its prompt has appeared, as a person would.
 */
function runScript(url: string, args: string[], options: { env?: Record<string, string>; stdin?: string; terminal?: Answer[] } = {}): Promise<Run> {
  const env = { ...process.env, DATABASE_URL: url, ADMIN_PASSWORD: "", ...options.env };
  const command = [process.execPath, TSX, SCRIPT, ...args];
  const quoted = command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(" ");
  const child = options.terminal
    ? spawn("script", ["-qefc", quoted, "/dev/null"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] })
    : spawn(command[0], command.slice(1), { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  const answers = [...(options.terminal ?? [])];
  let seen = 0;
  const onOutput = (chunk: Buffer) => {
    output += chunk;
    // Answer each prompt once, in order: the same prompt may come twice (a refused password).
    while (answers.length && output.indexOf(answers[0].after, seen) !== -1) {
      seen = output.indexOf(answers[0].after, seen) + answers[0].after.length;
      child.stdin!.write(answers.shift()!.send);
    }
  };
  child.stdout!.on("data", onOutput);
  child.stderr!.on("data", onOutput);
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  else if (!options.terminal) child.stdin!.end();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS - 5_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.each(scratchDatabases("create-admin"))("create-admin on %s", (_provider, scratch) => {
  let database: ScratchDatabase | undefined;

  function fresh(): ScratchDatabase {
    database = scratch();
    return database;
  }

  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  async function usersIn(url: string) {
    const db = createDb(url);
    try {
      return await db.user.findMany({
        select: {
          email: true,
          name: true,
          area: true,
          active: true,
          passwordHash: true,
          roles: { select: { role: { select: { name: true, permissions: { select: { permission: true } } } } } },
          groups: { select: { group: { select: { name: true } } } },
        },
      });
    } finally {
      await db.$disconnect();
    }
  }

  it(
    "creates an administrator on a new database, with the password from ADMIN_PASSWORD, and refuses the same email again",
    async () => {
      const { url } = fresh();
      const created = await runScript(url, ["--email", "Olga.Ops@Example.org", "--name", "Olga Ops"], { env: { ADMIN_PASSWORD: PASSWORD } });
      expect(created.output).toContain("Administrator olga.ops@example.org created");
      expect(created.code).toBe(0);
      expect(created.output).toContain(`Applied ${readMigrations(providerOf(url)).length} migration(s)`);
      expect(created.output).not.toContain(PASSWORD);

      const [admin, ...others] = await usersIn(url);
      expect(others).toEqual([]);
      expect(admin).toMatchObject({ email: "olga.ops@example.org", name: "Olga Ops", area: "staff", active: true });
      expect(await bcrypt.compare(PASSWORD, admin.passwordHash)).toBe(true);
      expect(admin.roles.map(({ role }) => role.name)).toEqual(["Administrator"]);
      expect(admin.roles[0].role.permissions.map(({ permission }) => permission).sort()).toEqual([...PERMISSIONS].sort());
      expect(admin.groups.map(({ group }) => group.name).sort()).toEqual(["APAC", "Acme", "Americas", "EMEA"]);

      const again = await runScript(url, ["--email", "olga.ops@example.org", "--name", "Someone Else"], { env: { ADMIN_PASSWORD: "another long password" } });
      expect(again.code).toBe(1);
      expect(again.output).toContain("already exists: nothing was changed");
      const [unchanged] = await usersIn(url);
      expect(unchanged.name).toBe("Olga Ops");
      expect(unchanged.passwordHash).toBe(admin.passwordHash);
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    "asks for the email, the name and the password when they come through a pipe",
    async () => {
      const { url } = fresh();
      const run = await runScript(url, [], { stdin: `piped@example.org\nPia Piped\n${PASSWORD}\n` });
      expect(run.output).toContain("Administrator piped@example.org created");
      expect(run.code).toBe(0);
      const [admin] = await usersIn(url);
      expect(admin.name).toBe("Pia Piped");
      expect(await bcrypt.compare(PASSWORD, admin.passwordHash)).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

});

// What does not depend on the database runs once, on SQLite.
describe("create-admin, whatever the database", () => {
  let database: ScratchDatabase | undefined;

  function fresh(): ScratchDatabase {
    database = scratchDatabases("create-admin")[0][1]();
    return database;
  }

  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  async function usersIn(url: string) {
    const db = createDb(url);
    try {
      return await db.user.findMany({ select: { passwordHash: true } });
    } finally {
      await db.$disconnect();
    }
  }

  it(
    "refuses a password given on the command line, as an option or a bare argument, without repeating it",
    async () => {
      const { url } = fresh();
      for (const args of [["--password=hunter2hunter2"], ["hunter2hunter2"]]) {
        const run = await runScript(url, ["--email", "cli@example.org", "--name", "Cli", ...args], { env: { ADMIN_PASSWORD: PASSWORD } });
        expect(run.code, args.join(" ")).toBe(2);
        expect(run.output).not.toContain("hunter2");
        if (args[0].startsWith("-")) expect(run.output).toContain("does not take a password on the command line");
      }
      // Refused before the database is touched.
      expect(fs.existsSync(url.slice("file:".length))).toBe(false);
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    "refuses a weak password from the environment or a pipe with the reason, and creates no one",
    async () => {
      const { url } = fresh();
      const fromEnvironment = await runScript(url, ["--email", "weak@example.org", "--name", "Weak"], { env: { ADMIN_PASSWORD: "Password123" } });
      expect(fromEnvironment.code).toBe(1);
      expect(fromEnvironment.output).toContain(`ADMIN_PASSWORD is refused. ${FIRST_ADMIN_MESSAGES.common}`);
      const piped = await runScript(url, ["--email", "weak@example.org", "--name", "Weak"], { stdin: "short\n" });
      expect(piped.code).toBe(1);
      expect(piped.output).toMatch(/The password is refused\. The password must be at least 10 characters long\./);
      expect(fs.existsSync(url.slice("file:".length))).toBe(false);
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    "reads the password at a terminal with echo off, asks again after a refusal, and has it repeated",
    async () => {
      const { url } = fresh();
      const typed = "terminal typed secret";
      const run = await runScript(url, ["--email", "tty@example.org"], {
        terminal: [
          { after: "Name: ", send: "Tia Terminal\r" },
          { after: "Password: ", send: "short\r" },
          { after: "Password: ", send: `${typed}\r` },
          { after: "Repeat the password: ", send: `${typed}\r` },
        ],
      });
      expect(run.output).toContain("Administrator tty@example.org created");
      expect(run.code).toBe(0);
      // The name is echoed as typed; neither password ever reaches the screen.
      expect(run.output).toContain("Tia Terminal");
      expect(run.output).toContain("at least 10 characters");
      expect(run.output).not.toContain(typed);
      expect(run.output).not.toContain("short");
      const [admin] = await usersIn(url);
      expect(await bcrypt.compare(typed, admin.passwordHash)).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );
});

describe("the first administrator's password", () => {
  it("follows the panel's rule and refuses the passwords guessers try first", () => {
    expect(passwordProblem("short", "a@example.org")).toMatch(/at least 10 characters/);
    expect(passwordProblem("aaaaaaaaaaaa", "a@example.org")).toMatch(/single character repeated/);
    expect(passwordProblem("Password123", "a@example.org")).toBe(FIRST_ADMIN_MESSAGES.common);
    expect(passwordProblem("abababababab", "a@example.org")).toBe(FIRST_ADMIN_MESSAGES.tooFewCharacters);
    expect(passwordProblem("olga.ops-2026!", "olga.ops@example.org")).toBe(FIRST_ADMIN_MESSAGES.containsEmail);
    expect(passwordProblem(PASSWORD, "olga.ops@example.org")).toBeNull();
  });
});
