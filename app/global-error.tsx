"use client";

import "./globals.css";

// The last resort when even the root layout fails: it replaces the layout, so it brings its own html and body.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="auth-page">
          <div className="card auth-card" role="alert">
            <h1>Something went wrong</h1>
            <p>The service is temporarily unavailable. Please try again in a moment.</p>
            <button type="button" className="button-primary" onClick={() => retry()}>
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
