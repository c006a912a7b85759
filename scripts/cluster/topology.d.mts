// Types of topology.mjs for the TypeScript tests and benchmarks that start the topology.
export type ClusterInstance = {
  port: number;
  url: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log: () => string;
  isRunning: () => boolean;
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** One request as nginx logged it: when it ended, its status, and each instance tried with its outcome. */
export type NginxRequest = { endedAt: number; status: number; request: string; attempts: { address: string; status: string }[] };

export type ClusterNginx = {
  url: string;
  pid: number;
  reconfigure: (upstreams: { port: number; down?: boolean }[]) => Promise<void>;
  stop: () => Promise<void>;
  errors: () => string;
  attempts: () => NginxRequest[];
};

export type ClusterTopology = {
  url: string;
  ports: number[];
  instances: ClusterInstance[];
  nginx: ClusterNginx;
  folder: string;
  restart: (index: number, signal?: NodeJS.Signals) => Promise<ClusterInstance>;
  rollingRestart: () => Promise<void>;
  stop: () => Promise<void>;
};

export function startTopology(options: {
  count: number;
  listenPort: number;
  env: Record<string, string>;
  onLine?: (line: string, port: number) => void;
  dir?: string;
  attemptLog?: boolean;
}): Promise<ClusterTopology>;
