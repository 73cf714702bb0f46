import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './csp';

/**
 * Serves dist/renderer under app://bundle/. A custom standard+secure scheme instead of file:// gives the page a real
 * origin (so the IPC sender check and the CSP 'self' mean "our bundle only"), keeps file:// reads out of reach of the
 * page, and lets every response carry the CSP header.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a request URL to a file under root, or null when it is not ours or would leave root ("..", encoded
 * separators, another host). "/" serves index.html.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  if (!full.startsWith(rootWithSep)) return null;
  return full;
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The protocol handler: fetch-style Request in, Response out (404 for anything not in the bundle). */
export function createAppProtocolHandler(
  root: string,
  read: (path: string) => Promise<Uint8Array> = (p) => readFile(p),
): (request: Request) => Promise<Response> {
  return async (request) => {
    const path = request.method === 'GET' ? resolveAppPath(request.url, root) : null;
    if (!path) return new Response('未找到', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await read(path);
      return new Response(body as BodyInit, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(path) } });
    } catch {
      return new Response('未找到', { status: 404, headers: SECURITY_HEADERS });
    }
  };
}
