// A stand-in for scripts/server.mjs that starts at once: it answers every request with 200 (after
// STAND_IN_READY_AFTER_MS, to play an instance still starting) and starts a child of its own, as a server that
// forks workers would, so that the cleanup tests see whether the whole process group goes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const readyAfter = Number(process.env.STAND_IN_READY_AFTER_MS ?? 0);
const readyAt = Date.now() + readyAfter;
// The real server's last start-up line, which the instance helper waits for.
setTimeout(() => console.log(JSON.stringify({ event: "startup_finished" })), readyAfter);
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 60_000)"], { stdio: "ignore" });
fs.writeFileSync(path.join(process.env.CLEANUP_RECORD_DIR, `child-of-${process.pid}.json`), JSON.stringify({ pid: child.pid }));
http
  .createServer((request, response) => {
    response.statusCode = Date.now() >= readyAt ? 200 : 503;
    response.end();
  })
  .listen(Number(process.env.PORT));
