/**
 * A git smart-HTTP remote on loopback: `git http-backend` (the CGI program git ships) behind a node server
 * that notes the Authorization header of every request and answers 401 to any it was not told to accept —
 * what GitHub does with a missing or wrong token. The CGI variables are the ones git-http-backend(1) reads
 * (GIT_PROJECT_ROOT, GIT_HTTP_EXPORT_ALL, REMOTE_USER for receive-pack, GIT_PROTOCOL from the Git-Protocol
 * header, HTTP_CONTENT_ENCODING for a gzipped request body).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>`: the server URL (GITHUB_SERVER_URL) a remote under it is named by. */
  url: string;
  /** The Authorization header of each request, in order (`(none)` when there was none). */
  seen: string[];
  close(): Promise<void>;
}

export async function gitHttpServer(projectRoot: string, accept: readonly string[]): Promise<GitHttpServer> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '(none)';
    seen.push(auth);
    if (!accept.includes(auth)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="fake"' }).end('bad credentials\n');
      return;
    }
    void cgi(projectRoot, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function cgi(projectRoot: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', 'http://x');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    REMOTE_USER: 'keel-test',
    REMOTE_ADDR: '127.0.0.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.replace(/^\?/, ''),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    CONTENT_LENGTH: String(body.length),
  };
  const protocol = req.headers['git-protocol'];
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;
  const encoding = req.headers['content-encoding'];
  if (typeof encoding === 'string') env.HTTP_CONTENT_ENCODING = encoding;
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  child.stdin.end(body);
  const out: Buffer[] = [];
  for await (const chunk of child.stdout) out.push(chunk as Buffer);
  const all = Buffer.concat(out);
  const split = all.indexOf('\r\n\r\n');
  const headerEnd = split >= 0 ? split : all.indexOf('\n\n');
  const gap = split >= 0 ? 4 : 2;
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of all.subarray(0, Math.max(0, headerEnd)).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[name] = value;
  }
  res.writeHead(status, headers).end(all.subarray(headerEnd + gap));
}
