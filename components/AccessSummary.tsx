import type { UserAccess } from "@/lib/access/user-access";

/** What the signed-in user can do and see: exactly what their tokens can do and see too. */
export function AccessSummary({ user }: { user: UserAccess }) {
  return (
    <section className="card" aria-label="Your access">
      <h2>Your access</h2>
      <p>
        <strong>Permissions:</strong>{" "}
        {user.permissions.length ? user.permissions.map((p) => <code key={p} className="badge">{p}</code>) : <span className="muted">none</span>}
      </p>
      <p>
        <strong>Visibility groups:</strong>{" "}
        {user.groups.length ? user.groups.map((g) => <span key={g.id} className="badge">{g.name}</span>) : <span className="muted">none</span>}
      </p>
    </section>
  );
}
