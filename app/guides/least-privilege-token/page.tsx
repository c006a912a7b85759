import fs from "node:fs";
import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/docs/Markdown";

export const metadata: Metadata = { title: "A token that can only read orders in EMEA" };

// The guide as kept in the repository, read when the page is built (it is static: the same for everyone,
// and public like any product documentation).
export default function LeastPrivilegeGuidePage() {
  const source = fs.readFileSync(path.join(process.cwd(), "docs", "least-privilege-token.md"), "utf8");
  return (
    <main className="shell-main guide-main">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Platform</Link> <span aria-hidden="true">›</span> Guides
      </nav>
      <article>
        <Markdown source={source} />
      </article>
    </main>
  );
}
