/**
 * A proxy that records every request a browser sends anywhere, for the Firefox
 * no-network check. Firefox is pointed at it for all traffic, the case system's own
 * 127.0.0.1 included, so nothing from any part of the browser (pages, frames, the
 * extension's background page and sidebar) can reach a network without passing here.
 * Requests to the allowed origin (the demo case system) are passed on; anything else is
 * recorded and refused.
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** The full URL asked for, or `host:port` for a CONNECT (https, wss). */
  url: string;
}

export interface RecordingProxy {
  seen: SeenRequest[];
  /** Pass requests for this origin (e.g. `http://127.0.0.1:41234`) on to it. */
  allow(origin: string): void;
  /** Firefox preferences that send every request through this proxy. */
  firefoxPrefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: SeenRequest[] = [];
  const allowed = new Set<string>();
  const server = createServer((req: IncomingMessage, res) => {
    const url = req.url ?? '';
    seen.push({ method: req.method ?? '', url });
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!allowed.has(target.origin)) {
      res.writeHead(502).end();
      return;
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, socket) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (req: IncomingMessage, socket) => {
    seen.push({ method: 'UPGRADE', url: req.url ?? '' });
    socket.destroy();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.address() as AddressInfo).port;
  return {
    seen,
    allow: (origin) => void allowed.add(origin),
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      // Even 127.0.0.1 and localhost go through the proxy, so the case system's traffic is seen too.
      'network.proxy.allow_hijacking_localhost': true,
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
