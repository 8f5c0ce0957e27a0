import { expect } from 'vitest';

/**
 * A client of the real server signed in as a demo user, as a browser is: the session cookie and the CSRF token of
 * the login. For the setup steps of the journeys and for the faults suite. `base` may be a function for a server
 * that moves (restarted on another port).
 */
export class ApiSession {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string | (() => string)) {}

  get baseURL(): string {
    return typeof this.base === 'string' ? this.base : this.base();
  }

  async login(username: string, password = 'tangcuong'): Promise<this> {
    const r = await fetch(`${this.baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(r.status, `login ${username}`).toBe(200);
    this.cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  /** The same session, sent to another server (sessions live in PostgreSQL). */
  on(base: string): ApiSession {
    const s = new ApiSession(base);
    s.cookie = this.cookie;
    s.csrf = this.csrf;
    return s;
  }

  /** The headers of a JSON request of this session. */
  headers(csrf = true): Record<string, string> {
    return { 'content-type': 'application/json', cookie: this.cookie, ...(csrf ? { 'x-csrf-token': this.csrf } : {}) };
  }

  req(method: string, url: string, body?: BodyInit, type?: string, csrf = true): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (csrf) headers['x-csrf-token'] = this.csrf;
    if (type) headers['content-type'] = type;
    return fetch(`${this.baseURL}${url}`, { method, headers, body });
  }

  post(url: string, body: unknown): Promise<Response> {
    return this.req('POST', url, JSON.stringify(body), 'application/json');
  }

  async json<T>(method: string, url: string, body?: unknown, csrf = true): Promise<{ status: number; body: T }> {
    const r = await this.req(method, url, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json', csrf);
    return { status: r.status, body: (await r.json()) as T };
  }
}

/** Signs in through the API (a setup step), returning the headers of a JSON request of that session. */
export async function apiSession(baseURL: string, username: string): Promise<Record<string, string>> {
  return (await new ApiSession(baseURL).login(username)).headers();
}
