"use client";

// Shown instead of a page whose rendering failed, most often because the database is briefly unreachable.
// It never shows the error itself: the server logs it, and the person only needs to know to try again.
export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>The service is temporarily unavailable. Please try again in a moment.</p>
        <button type="button" className="button-primary" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </main>
  );
}
