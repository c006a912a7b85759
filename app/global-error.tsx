"use client";

import "./globals.css";
import { ServiceUnavailable } from "@/components/ServiceUnavailable";

// The last resort when even the root layout fails: it replaces the layout, so it brings its own html and body.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <ServiceUnavailable retry={retry} />
      </body>
    </html>
  );
}
