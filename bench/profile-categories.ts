// Sorts a V8 CPU profile's samples into where a request's time goes. Each sample is charged to the innermost
// frame on its stack that belongs to a known part (frames of Node.js itself, the Headers class and other
// shared helpers are see-through, so their time goes to whoever called them). Bundled frames are mapped back
// to their source files through the build's source maps, so minified names do not matter.
import fs from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

// First match wins, tested against "<source file>#<function name>" of each frame.
const PARTS: [string, RegExp][] = [
  ["rate limits and quota", /lib\/security\/|lib\/api\/quota\.ts/],
  ["token use bookkeeping", /lib\/tokens\/usage\//],
  ["verification statement", /lib\/tokens\/server\/|lib\/db\/|@prisma|better-sqlite3|node_modules\/pg|pg-protocol/],
  ["log line", /scripts\/request-log\.mjs|lib\/log\/|node_modules\/pino|sonic-boom|fast-redact|on-exit-leak-free|thread-stream/],
  ["custom server (client address, request id, guard, body limit)", /scripts\/(server|request-guard|body-limit|client-address|request-id)\.mjs|lib\/api\/body-limits\.mjs/],
  ["authentication (bearer header, asTokenOwner, its headers)", /lib\/api\/authenticate\.ts/],
  ["our middleware (trailing slash, header copy; pages only since the API left it)", /middleware\.ts|lib\/http\//],
  ["handler (apiRoute, route, JSON)", /app\/api\/|lib\/api\/|bench\/floor\/app\//],
  ["Next.js middleware adapter", /server\/web\/|next-request|next-response|spec-extension|middleware/i],
  ["Next.js routing and next.config headers", /router-utils|router-server|resolve-routes|route-matcher|header|rewrite|redirect/i],
  ["Next.js route handler runtime", /app-route|route-modules|app-render|work-unit|async-local|after/i],
  ["response (Next.js send, Node.js HTTP)", /send-response|pipe-readable|node-web-streams|render-result|_http_|node:http|node:net|stream/i],
  ["Next.js other", /next\/dist|\[turbopack\]|turbopack:/],
];

const ROOTS = new Map([["(garbage collector)", "garbage collection"], ["(program)", "V8 and native (program)"]]);

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      if (file.startsWith("/") && fs.existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

function frameName({ functionName, url, lineNumber, columnNumber }: CpuProfile["nodes"][number]["callFrame"]): string {
  const map = sourceMapOf(url);
  const entry = map?.findEntry(lineNumber, columnNumber) as { originalSource?: string } | undefined;
  return `${entry?.originalSource ?? url}#${functionName}`;
}

export type Window = [from: number, to: number];

// Windows are µs on the profile's clock (CLOCK_MONOTONIC, the same as process.hrtime in any process).
const inside = (time: number, windows: Window[]) => windows.some(([from, to]) => time >= from && time <= to);

/** CPU µs per part over the samples taken inside the windows. */
export function partsOf(profile: CpuProfile, windows: Window[]): Map<string, number> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const partOfNode = new Map<number, string>();
  const classify = (id: number): string => {
    const known = partOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const name = frameName(node.callFrame);
    let part = ROOTS.get(node.callFrame.functionName) ?? PARTS.find(([, pattern]) => pattern.test(name))?.[0];
    if (!part) part = parent.has(id) ? classify(parent.get(id)!) : "other (Node.js, timers, unattributed)";
    partOfNode.set(id, part);
    return part;
  };
  const totals = new Map<string, number>();
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    const node = byId.get(profile.samples[i])!;
    if (!inside(time, windows) || node.callFrame.functionName === "(idle)") continue;
    const part = classify(node.id);
    // A sample stands for the time until the next one.
    const span = profile.timeDeltas[i + 1] ?? 0;
    totals.set(part, (totals.get(part) ?? 0) + span);
  }
  return totals;
}

/** The frames that take the most self time in a part, for reading the profile further. */
export function topFrames(profile: CpuProfile, windows: Window[], limit = 40): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    if (!inside(time, windows)) continue;
    const name = frameName(byId.get(profile.samples[i])!.callFrame);
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit);
}
