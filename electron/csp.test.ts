import { describe, it, expect } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }),
);

describe('Content-Security-Policy', () => {
  it('defaults to nothing and allows scripts only from the bundle, without eval or inline code', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
  });

  it('names no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('blocks plugins, framing, base and form targets', () => {
    for (const name of ['object-src', 'frame-ancestors', 'frame-src', 'base-uri', 'form-action']) {
      expect(directives.get(name)).toEqual(["'none'"]);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts only app://bundle', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    expect(isAppUrl('app://bundle')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://bundle/')).toBe(false);
    expect(isAppUrl('file:///C:/x.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('::')).toBe(false);
  });
});
