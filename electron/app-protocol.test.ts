import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { createAppProtocolHandler, contentTypeFor, resolveAppPath } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

const root = resolve('/srv/app/dist/renderer');

describe('resolveAppPath', () => {
  it('maps bundle URLs into the renderer folder', () => {
    expect(resolveAppPath('app://bundle/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://bundle/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://bundle/assets/index-abc.js?v=1#x', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://bundle/assets/%E5%AD%97.woff2', root)).toBe(join(root, 'assets', '字.woff2'));
  });

  it.each(['app://bundle/../main.cjs', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the bundle (the URL parser already folds the dots)',
    (url) => {
      const path = resolveAppPath(url, root);
      expect(path === null || path.startsWith(root + '/')).toBe(true);
    },
  );

  it.each([
    'app://bundle/assets/..%2f..%2f..%2fpackage.json',
    'app://bundle/..%5c..%5cwindows',
    'app://bundle/a%00.js',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('protocol handler', () => {
  const files = new Map([[join(root, 'index.html'), '<!doctype html>']]);
  const read = async (p: string) => {
    const text = files.get(p);
    if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  };
  const handler = createAppProtocolHandler(root, read);

  it('serves files with the CSP and a content type', async () => {
    const response = await handler(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404 for missing files, escapes and non-GET requests', async () => {
    expect((await handler(new Request('app://bundle/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://bundle/%2e%2e/x'))).status).toBe(404);
    expect((await handler(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('knows the content types the bundle uses', () => {
    expect(contentTypeFor('a.js')).toMatch(/javascript/);
    expect(contentTypeFor('a.CSS')).toMatch(/text\/css/);
    expect(contentTypeFor('a.bin')).toBe('application/octet-stream');
  });
});
