import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/docs/ApiReference";
import { OPENAPI_DOCUMENT_PATH } from "@/lib/api/reference-path";

export const metadata: Metadata = { title: "API reference" };

// Public, like the document it renders: the same for everyone.
export default function ApiReferencePage() {
  return (
    <main className="shell-main guide-main">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Platform</Link> <span aria-hidden="true">›</span> API reference
      </nav>
      <h1>Platform API reference</h1>
      <p className="lead">
        Call the platform from your integration with a personal access token: <code>Authorization: Bearer &lt;token&gt;</code>. The base URL is{" "}
        <code>/api/v1</code> on this site. This page is rendered from the OpenAPI document at <a href={OPENAPI_DOCUMENT_PATH}>{OPENAPI_DOCUMENT_PATH}</a>, which
        code generators and other tools can read as it is.
      </p>
      <section aria-labelledby="cross-origin">
        <h2 id="cross-origin">Calling from a browser</h2>
        <p>
          The OpenAPI document may be read from any web page (<code>Access-Control-Allow-Origin: *</code>). The token-authenticated API answers no
          cross-origin (CORS) requests, on purpose: a token is a server-side credential. A web page that held one would hand it to every visitor and
          every script on that page, and anyone could then act as you. Call the API from your server, and keep the token there.
        </p>
      </section>
      <section aria-labelledby="terms">
        <h2 id="terms">Terms</h2>
        <p>The API is for integrations with this platform, on behalf of the person whose token they use, within that person&apos;s access.</p>
      </section>
      <ApiReference documentUrl={OPENAPI_DOCUMENT_PATH} />
    </main>
  );
}
