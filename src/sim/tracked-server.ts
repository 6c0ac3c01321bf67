/**
 * An HTTP server that knows its sockets, so that shutting it down is immediate and total: `server.close()` alone
 * waits for keep-alive and hung connections forever, which would leak them and keep a test run alive.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TrackedServer {
  readonly port: number;
  /**
   * Stops listening (new connections are refused from here on) and destroys every open socket except `spare`,
   * resolving once they are gone. `spare` lets a control request that switched its own endpoint to `refuse` still
   * receive its answer; a later `shutdown()` without it finishes the job and waits for the server to close.
   */
  shutdown(spare?: Socket): Promise<void>;
}

export async function listenTracked(
  handler: RequestListener,
  host: string,
  port: number,
): Promise<TrackedServer> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // An accept error after listening (EMFILE in a stress run) is the OS refusing one connection, not a reason to
  // crash the process hosting the simulator; the server keeps serving the others.
  server.on('error', () => {});
  let listening = true;
  return {
    port: (server.address() as AddressInfo).port,
    async shutdown(spare) {
      if (listening) {
        listening = false;
        server.close();
      }
      const gone: Promise<void>[] = [];
      for (const socket of sockets) {
        if (socket === spare) continue;
        gone.push(new Promise((resolve) => socket.once('close', () => resolve())));
        socket.destroy();
      }
      await Promise.all(gone);
      if (spare === undefined || !sockets.has(spare)) await closed;
    },
  };
}
