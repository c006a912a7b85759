// Calls a build's server actions the way the browser does: a POST to the page that rendered the form, with
// the action's ID in the Next-Action header and its arguments encoded by React's own reply encoder. Action
// IDs change with every build, so each is read from that build's server-reference manifest by the name it
// is exported under.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { extractInfoFromServerReferenceId, omitUnusedArgs } from "next/dist/shared/lib/server-reference-info";
import { BENCH_DIST } from "./support";

// The Flight reply encoder Next.js bundles for the browser; its Node.js build encodes the same way. It ships
// without types, hence the require.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** The ID of `exportedName` from `file` (e.g. "lib/actions/tokens.ts") in the build at `dir`, as served by `page`. */
export function actionId(dir: string, file: string, exportedName: string, page: string): string {
  const manifestPath = path.join(dir, BENCH_DIST, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  // Next.js looks the action up among the modules of the page the POST is sent to, so it must be one of them.
  const worker = `app${page}/page`;
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName && Object.keys(entry.workers).some((name) => name.replace(/\/\([^/]+\)/g, "") === worker),
  );
  if (!found) throw new Error(`${exportedName} of ${file} is not in ${manifestPath} for ${page}`);
  return found[0];
}

export type ActionRequest = { method: "POST"; headers: Record<string, string>; body: Buffer };

/**
 * The request the browser sends for `action(...args)`: arguments the action never reads are left out (the
 * ID says which), as Next.js's client does. No Next-Router-State-Tree header: it only tells the server which
 * layouts the browser already has, and an action that revalidates the page gets the page rendered either way.
 */
export async function actionRequest(baseUrl: string, id: string, args: unknown[], cookie: string): Promise<ActionRequest> {
  const encoded = await encodeReply(omitUnusedArgs(args, extractInfoFromServerReferenceId(id)));
  // A Request computes the multipart body and its boundary exactly as fetch would send them.
  const request = new Request(baseUrl, { method: "POST", body: encoded });
  const headers = {
    Accept: "text/x-component",
    "Next-Action": id,
    // Browsers send Origin with a POST; Next.js refuses an action whose Origin is not the Host.
    Origin: baseUrl,
    Cookie: cookie,
    "Content-Type": request.headers.get("content-type") ?? "text/plain;charset=UTF-8",
  };
  return { method: "POST", headers, body: Buffer.from(await request.arrayBuffer()) };
}

/** Sends the action once and returns the Flight response's text (its rows hold the action's answer). */
export async function callAction(url: string, request: ActionRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: request.method, headers: request.headers, body: new Uint8Array(request.body), redirect: "manual" });
  return { status: response.status, text: await response.text() };
}
