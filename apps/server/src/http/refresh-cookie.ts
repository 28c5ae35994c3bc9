// Brings in the cookie typings on request/reply wherever this file is compiled.
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { forbidden } from "../errors.js";

export const REFRESH_COOKIE = "booky_refresh";
/** Only the API needs the refresh token; pages and assets never carry it. */
const COOKIE_PATH = "/trpc";

export function setRefreshCookie(res: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  res.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: "strict",
    path: COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(res: FastifyReply, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: "strict", path: COOKIE_PATH });
}

/** Whether the request carries a refresh cookie at all, usable or not (none: a visitor). */
export const hasRefreshCookie = (req: FastifyRequest): boolean => Boolean(req.cookies[REFRESH_COOKIE]);

export function readRefreshCookie(req: FastifyRequest): string | null {
  const value = req.cookies[REFRESH_COOKIE];
  return value && value.length <= 128 ? value : null;
}

/**
 * Cookie-authenticated calls must come from our own pages. SameSite=Strict
 * already keeps the cookie off cross-site requests; this also refuses any
 * request a browser labels cross-site or whose Origin is not ours.
 */
export function assertSameSiteRequest(req: FastifyRequest, allowedOrigins: readonly string[]): void {
  const fetchSite = req.headers["sec-fetch-site"];
  const origin = req.headers.origin;
  const ownOrigin = `${req.protocol}://${req.host}`;
  const originAllowed = !origin || origin === ownOrigin || allowedOrigins.includes(origin);
  if (fetchSite === "cross-site" || !originAllowed) {
    throw forbidden("Cross-site requests cannot use the session cookie");
  }
}
