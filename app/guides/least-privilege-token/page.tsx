import fs from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/docs/Markdown";
import { appOrigin } from "@/lib/http/app-origin";

export const metadata: Metadata = { title: "A token that can only read orders in EMEA" };

// The guide as kept in the repository (public like any product documentation); its examples name
// localhost:3000, which becomes this app's own address when served here.
export default async function LeastPrivilegeGuidePage() {
  const markdown = fs.readFileSync(path.join(process.cwd(), "docs", "least-privilege-token.md"), "utf8");
  const source = markdown.replaceAll("http://localhost:3000", await appOrigin());
  return (
    <main id="main-content" className="mx-auto max-w-3xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Platform</Link> <span aria-hidden="true">›</span> Guides
      </nav>
      <article>
        <Markdown source={source} />
      </article>
    </main>
  );
}
