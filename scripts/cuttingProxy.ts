// An HTTP relay in front of a server for tests: it passes requests through until told to cut, then
// drops every connection after a given number of further requests, as a server that goes away in the
// middle of a sync. It counts the bytes it relayed back.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CuttingProxy {
  /** The relay's address with the target's path (http://127.0.0.1:PORT/api/greader.php). */
  url: string;
  /** After `requests` more requests that `counts` (default: every one), every later one has its connection dropped. */
  cutAfter(requests: number, counts?: (method: string, path: string) => boolean): void;
  heal(): void;
  /** Paths relayed, in order (query strings included), and those dropped. */
  relayed: string[];
  dropped: string[];
  /** Bytes sent back to clients so far, headers included (what crossed the link). */
  bytesToClients(): number;
  close(): Promise<void>;
}

export const startCuttingProxy = async (target: string): Promise<CuttingProxy> => {
  const targetUrl = new URL(target);
  let allowance = Number.POSITIVE_INFINITY;
  let counted: (method: string, path: string) => boolean = () => true;
  const relayed: string[] = [];
  const dropped: string[] = [];
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  const relay = (incoming: IncomingMessage, answer: ServerResponse) => {
    const path = incoming.url ?? '/';
    if (allowance < 0 || (allowance === 0 && counted(incoming.method ?? 'GET', path))) {
      // Gone for good: every later request is dropped too, as from a stopped server.
      allowance = -1;
      dropped.push(path);
      incoming.socket.destroy();
      return;
    }
    if (counted(incoming.method ?? 'GET', path)) allowance -= 1;
    relayed.push(path);
    const outgoing = httpRequest({ host: targetUrl.hostname, port: targetUrl.port, method: incoming.method, path, headers: { ...incoming.headers, host: targetUrl.host } }, (response) => {
      answer.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(answer);
    });
    outgoing.on('error', () => incoming.socket.destroy());
    incoming.pipe(outgoing);
  };
  const server = createServer(relay);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${targetUrl.pathname.replace(/\/$/, '')}`,
    cutAfter: (requests, counts = () => true) => {
      allowance = requests;
      counted = counts;
    },
    heal: () => {
      allowance = Number.POSITIVE_INFINITY;
    },
    relayed,
    dropped,
    bytesToClients: () => closedBytes + [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
