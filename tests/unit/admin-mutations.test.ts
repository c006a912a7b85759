// The users:manage rules, run through the very functions the server actions call, against a scratch
// database migrated like the app's: SQLite always, PostgreSQL too when TEST_DATABASE_URL names one. Here one
// administrator can be the last one, which the shared browser-test database (where the demo administrator
// always holds users:manage) cannot arrange.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Permission } from "@/lib/access/permissions";
import { ADMIN_MESSAGES } from "@/lib/admin/messages";
import { deleteRole, updateRole } from "@/lib/admin/role-mutations";
import { createUser, setUserAccess, setUserActive } from "@/lib/admin/user-mutations";
import { createDb, type Db } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { scratchDatabases, type ScratchDatabase } from "./support/scratch-database";

const databases = scratchDatabases("manager-guard");

describe.each(databases)("on %s", (_provider, scratch) => {
  let database: ScratchDatabase;
  let db: Db;
  // A second client: another app instance changing the same database at the same moment.
  let otherInstance: Db;

  beforeAll(async () => {
    database = scratch();
    await migrate(database.url);
    db = createDb(database.url);
    otherInstance = createDb(database.url);
  });

  afterAll(async () => {
    await db.$disconnect();
    await otherInstance.$disconnect();
    await database.drop();
  });

  async function role(name: string, permissions: Permission[]) {
    return db.role.create({ data: { name, permissions: { create: permissions.map((permission) => ({ permission })) } } });
  }

  async function user(email: string, roleIds: string[], area: "staff" | "partner" = "staff") {
    return db.user.create({ data: { email, name: email, area, passwordHash: "unused", roles: { create: roleIds.map((roleId) => ({ roleId })) } } });
  }

  async function permissionsOf(roleId: string) {
    return (await db.rolePermission.findMany({ where: { roleId } })).map((row) => row.permission).sort();
  }

  let administrator: { id: string };
  let adminRole: { id: string; name: string };
  let viewerRole: { id: string };
  let viewer: { id: string };

  beforeEach(async () => {
    await db.apiToken.deleteMany();
    await db.user.deleteMany();
    await db.role.deleteMany();
    adminRole = await role("Administrator", ["orders:read", "users:manage"]);
    viewerRole = await role("Viewer", ["orders:read"]);
    administrator = await user("admin@example.com", [adminRole.id]);
    viewer = await user("viewer@example.com", [viewerRole.id]);
    // A partner holding users:manage cannot use the administration pages, so does not count.
    await user("partner@example.com", [adminRole.id], "partner");
  });

  describe("the last active holder of users:manage", () => {
    it("cannot lose it through their role's permissions", async () => {
      const result = await updateRole(db, administrator.id, adminRole.id, { name: "Administrator", permissions: ["orders:read"] });
      expect(result).toEqual({ ok: false, message: ADMIN_MESSAGES.lastUsersManage });
      expect(await permissionsOf(adminRole.id)).toEqual(["orders:read", "users:manage"]);
    });

    it("cannot lose it through their own roles, and nothing of the change is kept", async () => {
      const result = await setUserAccess(db, administrator.id, { userId: administrator.id, roleIds: [viewerRole.id], groupIds: [] });
      expect(result).toEqual({ ok: false, message: ADMIN_MESSAGES.lastUsersManage });
      expect((await db.userRole.findMany({ where: { userId: administrator.id } })).map((row) => row.roleId)).toEqual([adminRole.id]);
    });

    it("cannot be deactivated or stripped by someone else either", async () => {
      // An actor who no longer holds users:manage: an administrator whose own access was taken away while
      // their request was on its way, the one way someone else can reach the last holder.
      expect(await setUserActive(db, viewer.id, administrator.id, false)).toEqual({ ok: false, message: ADMIN_MESSAGES.lastUsersManage });
      expect(await setUserAccess(db, viewer.id, { userId: administrator.id, roleIds: [], groupIds: [] })).toEqual({ ok: false, message: ADMIN_MESSAGES.lastUsersManage });
      expect((await db.user.findUniqueOrThrow({ where: { id: administrator.id } })).active).toBe(true);
    });

    it("keeps it when a second administrator is deactivated, but then cannot lose it", async () => {
      const second = await createUser(db, { name: "Second", email: "second@example.com", password: "long enough", area: "staff", roleIds: [adminRole.id], groupIds: [] });
      expect(second.ok).toBe(true);
      if (!second.ok) return;
      expect(await setUserActive(db, administrator.id, second.value.id, false)).toEqual({ ok: true, value: undefined });
      expect(await setUserAccess(db, administrator.id, { userId: administrator.id, roleIds: [], groupIds: [] })).toEqual({ ok: false, message: ADMIN_MESSAGES.lastUsersManage });
    });
  });

  describe("with another administrator around", () => {
    let colleague: { id: string };

    beforeEach(async () => {
      // Through a role of their own, so that editing the Administrator role leaves them holding users:manage.
      colleague = await user("colleague@example.com", [(await role("Colleague", ["users:manage"])).id]);
    });

    it("nobody can deactivate themselves", async () => {
      expect(await setUserActive(db, administrator.id, administrator.id, false)).toEqual({ ok: false, message: ADMIN_MESSAGES.ownDeactivation });
      expect((await db.user.findUniqueOrThrow({ where: { id: administrator.id } })).active).toBe(true);
    });

    it("nobody can take users:manage from themselves, by their roles or by a role's permissions", async () => {
      expect(await setUserAccess(db, administrator.id, { userId: administrator.id, roleIds: [viewerRole.id], groupIds: [] })).toEqual({ ok: false, message: ADMIN_MESSAGES.ownUsersManage });
      expect(await updateRole(db, administrator.id, adminRole.id, { name: "Administrator", permissions: ["orders:read"] })).toEqual({ ok: false, message: ADMIN_MESSAGES.ownUsersManage });
      expect(await permissionsOf(adminRole.id)).toEqual(["orders:read", "users:manage"]);
    });

    it("an administrator may take it from a colleague, and deactivate and reactivate them", async () => {
      expect(await setUserAccess(db, administrator.id, { userId: colleague.id, roleIds: [viewerRole.id], groupIds: [] })).toEqual({ ok: true, value: undefined });
      expect((await db.userRole.findMany({ where: { userId: colleague.id } })).map((row) => row.roleId)).toEqual([viewerRole.id]);
      expect(await setUserActive(db, administrator.id, colleague.id, false)).toEqual({ ok: true, value: undefined });
      expect(await setUserActive(db, administrator.id, colleague.id, true)).toEqual({ ok: true, value: undefined });
    });

    it("a role edit is allowed when another role still gives the actor users:manage", async () => {
      const backup = await role("Backup", ["users:manage"]);
      await db.userRole.create({ data: { userId: administrator.id, roleId: backup.id } });
      expect(await updateRole(db, administrator.id, adminRole.id, { name: "Administrator", permissions: ["orders:read"] })).toEqual({ ok: true, value: undefined });
    });
  });

  describe("deactivation", () => {
    it("keeps the user's tokens, so that reactivation restores them", async () => {
      await db.apiToken.create({ data: { id: "AAAAAAAAAAAA", userId: viewer.id, name: "sync", nameSearch: "sync", secretHash: "x" } });
      expect(await setUserActive(db, administrator.id, viewer.id, false)).toEqual({ ok: true, value: undefined });
      expect(await db.apiToken.findUniqueOrThrow({ where: { id: "AAAAAAAAAAAA" } })).toMatchObject({ revokedAt: null, revokedReason: null });
    });
  });

  describe("choices that do not exist", () => {
    it("are refused on the field they concern, and nothing is created or changed", async () => {
      const input = { name: "Ghost", email: "ghost@example.com", password: "long enough", area: "staff" as const, groupIds: [] };
      expect(await createUser(db, { ...input, roleIds: [viewerRole.id, "no-such-role"] })).toEqual({ ok: false, message: ADMIN_MESSAGES.unknownRole, field: "roleIds" });
      expect(await createUser(db, { ...input, roleIds: [], groupIds: ["no-such-group"] })).toEqual({ ok: false, message: ADMIN_MESSAGES.unknownGroup, field: "groupIds" });
      expect(await db.user.count({ where: { email: "ghost@example.com" } })).toBe(0);
      expect(await setUserAccess(db, administrator.id, { userId: viewer.id, roleIds: ["no-such-role"], groupIds: [] })).toEqual({ ok: false, message: ADMIN_MESSAGES.unknownRole, field: "roleIds" });
      expect((await db.userRole.findMany({ where: { userId: viewer.id } })).map((row) => row.roleId)).toEqual([viewerRole.id]);
    });

    it("a taken email is refused on the email field", async () => {
      const input = { name: "Again", password: "long enough", area: "staff" as const, roleIds: [], groupIds: [] };
      expect(await createUser(db, { ...input, email: "viewer@example.com" })).toEqual({ ok: false, message: ADMIN_MESSAGES.duplicateEmail, field: "email" });
    });
  });

  describe("roles in use", () => {
    it("cannot be deleted; unused ones can", async () => {
      expect(await deleteRole(db, viewerRole.id)).toEqual({ ok: false, message: ADMIN_MESSAGES.roleInUse("Viewer", 1) });
      const spare = await role("Spare", ["orders:read"]);
      expect(await deleteRole(db, spare.id)).toEqual({ ok: true, value: { name: "Spare" } });
      expect(await db.rolePermission.count({ where: { roleId: spare.id } })).toBe(0);
    });
  });

  describe("two administrators removing each other at the same moment", () => {
    // Holds each change after its first read of who holds users:manage until both have read it, so that
    // both decide on the same "before": the race the serializable transaction has to catch.
    function meetingAfterFirstRead(client: Db, meeting: { arrived: number; release: () => void; all: Promise<void> }): Db {
      let first = true;
      return client.$extends({
        query: {
          user: {
            async findMany({ args, query }) {
              const rows = await query(args);
              if (first) {
                first = false;
                if (++meeting.arrived === 2) meeting.release();
                await meeting.all;
              }
              return rows;
            },
          },
        },
      }) as unknown as Db;
    }

    it("cannot leave nobody holding users:manage", async () => {
      const colleague = await user("colleague@example.com", [adminRole.id]);
      let release = () => {};
      const meeting = { arrived: 0, release: () => release(), all: new Promise<void>((resolve) => (release = resolve)) };
      const results = await Promise.all([
        setUserAccess(meetingAfterFirstRead(db, meeting), administrator.id, { userId: colleague.id, roleIds: [], groupIds: [] }),
        setUserAccess(meetingAfterFirstRead(otherInstance, meeting), colleague.id, { userId: administrator.id, roleIds: [], groupIds: [] }),
      ]);
      expect(meeting.arrived).toBe(2);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ message: ADMIN_MESSAGES.lastUsersManage });
      expect(await db.userRole.count({ where: { roleId: adminRole.id, user: { area: "staff" } } })).toBe(1);
    });
  });
});
