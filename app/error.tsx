"use client";

import { ServiceUnavailable } from "@/components/ServiceUnavailable";

// Shown instead of a page whose rendering failed, most often because the database is briefly unreachable.
// It never shows the error itself: the server logs it, and the person only needs to know to try again.
export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ServiceUnavailable retry={retry} />;
}
