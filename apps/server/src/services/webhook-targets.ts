import { type LookupAddress, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { fieldError } from "../errors.js";

/**
 * Where a webhook may not point: loopback, private, link-local, shared,
 * multicast and reserved ranges, so a club admin cannot turn Booky's
 * deliveries against the network it runs in.
 */
const forbiddenRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  forbiddenRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  forbiddenRanges.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address lies in a range webhooks may not reach (an IPv4-mapped IPv6 address counts as its IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return forbiddenRanges.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return forbiddenRanges.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Loopback and private targets (and plain http) are for tests only: `WEBHOOKS_ALLOW_PRIVATE_TARGETS`. */
export interface TargetPolicy {
  allowPrivate: boolean;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/**
 * Checks a webhook address when it is registered: https (http only where
 * private targets are allowed), no credentials, no forbidden IP literal. Names
 * are checked again, resolved, at every delivery (`safeLookup`).
 */
export function validateWebhookUrl(raw: string, policy: TargetPolicy): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(policy.allowPrivate && url.protocol === "http:")) {
    throw fieldError("url", "Webhooks are delivered over https only: give an https:// address");
  }
  if (url.username || url.password) throw fieldError("url", "Leave the user name and password out of the address");
  const host = hostOf(url);
  if (
    !policy.allowPrivate &&
    (host === "localhost" || host.endsWith(".localhost") || (isIP(host) && isForbiddenAddress(host)))
  ) {
    throw fieldError("url", "Webhooks cannot point at loopback, private or link-local addresses");
  }
  return url;
}

export class ForbiddenTargetError extends Error {}

/**
 * `dns.lookup` for the delivery's socket: every address the name resolves to
 * is checked, and the socket connects to the checked one, so a name that
 * answers a public address at registration and a private one later (DNS
 * rebinding) is refused when it matters.
 */
export function safeLookup(policy: TargetPolicy) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    lookup(hostname, { all: true, family: Number(options.family ?? 0) || 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => isForbiddenAddress(entry.address));
      if (refused && !policy.allowPrivate) {
        return callback(
          new ForbiddenTargetError(`${hostname} resolves to a forbidden address (${refused.address})`),
          [],
        );
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

/** An IP-literal target skips name resolution, so it is checked here at send time too. */
export function requireAllowedLiteral(url: URL, policy: TargetPolicy) {
  const host = hostOf(url);
  if (!policy.allowPrivate && isIP(host) && isForbiddenAddress(host)) {
    throw new ForbiddenTargetError(`${host} is a forbidden address`);
  }
}
