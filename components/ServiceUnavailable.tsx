import { Button } from "@/components/ui/button";
/** The friendly page shown when rendering failed: never the error itself, only that trying again helps. */
export function ServiceUnavailable({ retry }: { retry: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>The service is temporarily unavailable. Please try again in a moment.</p>
        <Button variant="primary" onClick={() => retry()}>
          Try again
        </Button>
      </div>
    </main>
  );
}
