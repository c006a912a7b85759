import { describe, expect, it } from "vitest";
import { managerChangeRefusal } from "@/lib/admin/manager-rules";
import { parseForm } from "@/lib/actions/form-input";
import { createRoleSchema, createUserSchema, passwordSchema, VALIDATION_MESSAGES } from "@/lib/admin/validation";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const USER_FIELDS = { text: ["name", "email", "password", "area"], lists: ["roleIds", "groupIds"] };

describe("the create-user form", () => {
  it("trims names, lower-cases and trims emails, and removes repeated choices", () => {
    const parsed = parseForm(
      createUserSchema,
      form([
        ["name", "  Warehouse sync "],
        ["email", "  Sync@Example.COM "],
        ["password", "  long enough  "],
        ["area", "staff"],
        ["roleIds", "role1"],
        ["roleIds", "role1"],
        ["groupIds", "group1"],
      ]),
      USER_FIELDS,
    );
    expect(parsed).toEqual({
      success: true,
      // The password is kept exactly as typed: spaces are part of it.
      data: { name: "Warehouse sync", email: "sync@example.com", password: "  long enough  ", area: "staff", roleIds: ["role1"], groupIds: ["group1"] },
    });
  });

  it("says what is wrong with each field", () => {
    const parsed = parseForm(createUserSchema, form([["name", " "], ["email", "nope"], ["password", "short"], ["area", "root"], ["roleIds", "x'; DROP"]]), USER_FIELDS);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.errors.name).toEqual([VALIDATION_MESSAGES.nameRequired]);
    expect(parsed.errors.email).toEqual([VALIDATION_MESSAGES.emailInvalid]);
    expect(parsed.errors.password).toEqual([VALIDATION_MESSAGES.passwordTooShort]);
    expect(parsed.errors.area).toEqual([VALIDATION_MESSAGES.areaRequired]);
    expect(parsed.errors.roleIds).toEqual([VALIDATION_MESSAGES.badChoice]);
  });

  it("refuses names that are too long or hold control characters", () => {
    const fields = (name: string) => form([["name", name], ["email", "a@example.com"], ["password", "long enough"], ["area", "partner"]]);
    expect(parseForm(createUserSchema, fields("x".repeat(100)), USER_FIELDS).success).toBe(true);
    expect(parseForm(createUserSchema, fields("x".repeat(101)), USER_FIELDS)).toMatchObject({ success: false, errors: { name: [VALIDATION_MESSAGES.nameTooLong(100)] } });
    expect(parseForm(createUserSchema, fields("two\nlines"), USER_FIELDS)).toMatchObject({ success: false, errors: { name: [VALIDATION_MESSAGES.controlCharacters] } });
  });
});

describe("passwords", () => {
  const check = (password: string) => {
    const result = passwordSchema.safeParse(password);
    return result.success ? "ok" : result.error.issues.map((issue) => issue.message);
  };

  it("need at least 10 characters, counted as characters rather than bytes", () => {
    expect(check("123456789")).toEqual([VALIDATION_MESSAGES.passwordTooShort]);
    expect(check("1234567890")).toBe("ok");
    expect(check("🔑🔑🔑🔑🔑🔑🔑🔑🔑x")).toBe("ok");
  });

  it("cannot be one character repeated", () => {
    expect(check("aaaaaaaaaaaa")).toEqual([VALIDATION_MESSAGES.passwordRepeated]);
  });

  it("cannot go past what bcrypt reads (72 bytes)", () => {
    expect(check("ab".repeat(36))).toBe("ok");
    expect(check("ab".repeat(36) + "c")).toEqual([VALIDATION_MESSAGES.passwordTooLong]);
    expect(check("é".repeat(37))).toEqual([VALIDATION_MESSAGES.passwordTooLong]);
  });
});

describe("the role form", () => {
  it("accepts permissions from the catalogue only", () => {
    const fields = { text: ["name"], lists: ["permissions"] };
    expect(parseForm(createRoleSchema, form([["name", "Reader"], ["permissions", "orders:read"], ["permissions", "orders:read"]]), fields)).toEqual({
      success: true,
      data: { name: "Reader", permissions: ["orders:read"] },
    });
    expect(parseForm(createRoleSchema, form([["name", "Reader"], ["permissions", "orders:*"]]), fields)).toMatchObject({ success: false, errors: { permissions: [VALIDATION_MESSAGES.badPermission] } });
    expect(parseForm(createRoleSchema, form([["name", "x".repeat(61)]]), fields)).toMatchObject({ success: false, errors: { name: [VALIDATION_MESSAGES.nameTooLong(60)] } });
  });
});

describe("the users:manage rule", () => {
  const ids = (...values: string[]) => new Set(values);

  it("refuses a change that leaves no active holder, whoever makes it", () => {
    expect(managerChangeRefusal({ actorId: "a", before: ids("a"), after: ids() })).toBe("last-manager");
    expect(managerChangeRefusal({ actorId: "b", before: ids("a"), after: ids() })).toBe("last-manager");
  });

  it("refuses a change that takes users:manage from the one making it", () => {
    expect(managerChangeRefusal({ actorId: "a", before: ids("a", "b"), after: ids("b") })).toBe("own-permission");
  });

  it("allows changes that leave the actor and someone holding it", () => {
    expect(managerChangeRefusal({ actorId: "a", before: ids("a", "b"), after: ids("a") })).toBeNull();
    expect(managerChangeRefusal({ actorId: "a", before: ids("a"), after: ids("a", "c") })).toBeNull();
    expect(managerChangeRefusal({ actorId: "a", before: ids("a", "b"), after: ids("a", "b") })).toBeNull();
  });
});
