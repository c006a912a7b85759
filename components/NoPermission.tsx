export function NoPermission({ permission }: { permission: string }) {
  return (
    <div className="card" role="alert">
      <h2>You do not have access to this page</h2>
      <p className="muted">
        It needs the <code>{permission}</code> permission. Ask an administrator to give you a role that has it.
      </p>
    </div>
  );
}
