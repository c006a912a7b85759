// A TCP proxy a test can cut and restore, standing between an app instance and its database: "the
// database became unreachable" without touching the database itself.
import net from "node:net";

export type TcpProxy = { port: number; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (on: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(on, "127.0.0.1", () => resolve()));
  await listen(port);
  const bound = (server.address() as net.AddressInfo).port;

  // Stops listening (new connections are refused) and drops every open connection, as a dead host would.
  const cut = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { port: bound, cut, restore: () => listen(bound), close: () => (server.listening ? cut() : Promise.resolve()) };
}
