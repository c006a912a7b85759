import Link from "next/link";
import type { UserAccess } from "@/lib/access/user-access";
import { getCurrentUser } from "@/lib/auth/session";
import { LEAST_PRIVILEGE_GUIDE_PATH } from "@/lib/tokens/shared/guide";

type Access = Pick<UserAccess, "permissions" | "groups">;

/**
 * What a new token will be able to do, shown before it is made: exactly its owner's permissions and
 * visibility groups, read live (the same as GET /api/v1/me will answer), with the least-privilege advice.
 */
export function EffectiveAccessPanel({ access }: { access: Access }) {
  return (
    <section aria-labelledby="effective-access-heading" className="notice">
      <h3 id="effective-access-heading">What this token can do</h3>
      <p>It acts as you, with your permissions and visibility groups as they are at each request:</p>
      <dl>
        <dt>Permissions</dt>
        <dd>
          <ul aria-label="Permissions" className="inline-list">
            {access.permissions.length ? (
              access.permissions.map((permission) => (
                <li key={permission}>
                  <code className="badge">{permission}</code>
                </li>
              ))
            ) : (
              <li className="muted">none</li>
            )}
          </ul>
        </dd>
        <dt>Visibility groups</dt>
        <dd>
          <ul aria-label="Visibility groups" className="inline-list">
            {access.groups.length ? (
              access.groups.map((group) => (
                <li key={group.id}>
                  <span className="badge">{group.name}</span>
                </li>
              ))
            ) : (
              <li className="muted">none</li>
            )}
          </ul>
        </dd>
      </dl>
      <p>
        An integration that needs less should not get your token: create a separate user with limited roles and let that user
        generate it. {/* A new tab, so that the dialog and what was typed in it stay. */}
        <Link href={LEAST_PRIVILEGE_GUIDE_PATH} target="_blank">
          How to make a least-privilege token
        </Link>
      </p>
    </section>
  );
}

/** The panel for the signed-in user; the page around it has already required one. */
export async function EffectiveAccess() {
  const user = await getCurrentUser();
  return user ? <EffectiveAccessPanel access={user} /> : null;
}
