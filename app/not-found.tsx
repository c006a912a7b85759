import type { Metadata } from "next";
import { NotFound } from "@/components/NotFound";

export const metadata: Metadata = { title: "Page not found" };

export default function RootNotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <NotFound backHref="/" backLabel="Go to the start page" />
      </div>
    </main>
  );
}
