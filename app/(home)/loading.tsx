// Shown while the start page works out where to send the visitor (right after signing in, say): a message
// instead of an empty grey screen.
export default function Loading() {
  return (
    <main className="grid min-h-screen place-items-center p-4">
      <p className="text-muted">
        Loading…
      </p>
    </main>
  );
}
