import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript module shared with the production server, which cannot load TypeScript
import { clientAddress } from "../../scripts/client-address.mjs";

describe("client address", () => {
  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "1.2.3.4", trustedHops: 0 })).toBe("203.0.113.9");
  });

  it("is the Nth entry from the right behind N trusted proxies, never the client-written leftmost", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor, trustedHops: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor, trustedHops: 2 })).toBe("198.51.100.7");
  });

  it("falls back sensibly when the header is missing or short", () => {
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: undefined, trustedHops: 1 })).toBe("10.0.0.3");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "198.51.100.7", trustedHops: 2 })).toBe("198.51.100.7");
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe("unknown");
  });

  it("gives an IPv4 client its IPv4 address, however a dual-stack socket or proxy wrote it", () => {
    expect(clientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: undefined, trustedHops: 0 })).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: "::FFFF:203.0.113.9", forwardedFor: undefined, trustedHops: 0 })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "::ffff:198.51.100.7", trustedHops: 1 })).toBe("198.51.100.7");
    // Real IPv6 addresses stay as they are.
    expect(clientAddress({ socketAddress: "::1", forwardedFor: undefined, trustedHops: 0 })).toBe("::1");
    expect(clientAddress({ socketAddress: "2001:db8::ffff:1.2.3.4", forwardedFor: undefined, trustedHops: 0 })).toBe("2001:db8::ffff:1.2.3.4");
  });
});
