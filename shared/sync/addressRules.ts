// Where a feed download may lead: only a feed the user allowed inside their own network (this
// computer, the office LAN, a router), when they added it, may reach an address there, and only on
// its own host; every other download may reach public addresses only, since otherwise any web
// server could make Field News send requests into the network. Pure: the DNS lookup is the caller's.
// The ranges follow IANA's IPv4 and IPv6 special-purpose address registries: an address that is
// not globally reachable is not public.

/** What an IP address reaches. Everything but 'public' stays inside this computer or its network. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'carrier-grade-nat'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

/** A host is internal when any address it resolves to is not public: the network stack may pick that one. */
export type HostKind = 'public' | 'internal';

/** How far one feed's downloads may reach: decided once, when the user adds the feed (and confirms). */
export interface FeedReach {
  /** The feed's own host name, lower case, brackets dropped. */
  feedHost: string;
  /** True only for a feed the user confirmed inside the network: its own host may be internal. */
  allowedInside: boolean;
}

type Bytes4 = readonly [number, number, number, number];

const parseIpv4 = (text: string): Bytes4 | null => {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((part) => (/^(0|[1-9]\d{0,2})$/.test(part) ? Number(part) : Number.NaN));
  if (bytes.some((byte) => !(byte >= 0 && byte <= 255))) return null;
  return [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
};

const parseHexGroups = (text: string): number[] | null => {
  if (text === '') return [];
  const groups = text.split(':');
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups.map((group) => parseInt(group, 16)) : null;
};

/** The eight 16-bit groups of an IPv6 address, `::` and a dotted IPv4 tail allowed; null if it is not one. */
const parseIpv6 = (text: string): number[] | null => {
  let body = text;
  const tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (v4 === null) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    // Keep a '::' that ends right before the IPv4 part ("::ffff:1.2.3.4" → "::ffff", "::1.2.3.4" → "::").
    body = body.slice(0, lastColon + 1);
    body = body.endsWith('::') ? body : body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const head = parseHexGroups(halves[0]!);
  if (head === null) return null;
  if (halves.length === 1) {
    const groups = [...head, ...tail];
    return groups.length === 8 ? groups : null;
  }
  const rest = parseHexGroups(halves[1]!);
  if (rest === null) return null;
  const known = head.length + rest.length + tail.length;
  if (known > 7) return null;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest, ...tail];
};

/** 192.0.0.0/24 is for IETF protocols; only 192.0.0.9 and 192.0.0.10 (anycast services) are global. */
const isIetfProtocolIpv4 = ([a, b, c, d]: Bytes4): boolean => a === 192 && b === 0 && c === 0 && d !== 9 && d !== 10;

/** Documentation (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and the retired 6to4 relay (192.88.99.0/24). */
const isUnroutedIpv4 = ([a, b, c]: Bytes4): boolean =>
  (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113) || (a === 192 && b === 88 && c === 99);

const classifyIpv4 = (bytes: Bytes4): AddressKind => {
  const [a, b] = bytes;
  if (a === 0) return 'unspecified'; // 0.0.0.0/8: "this network"; 0.0.0.0 reaches this computer on Linux and macOS.
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade-nat';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // Benchmarking, sometimes used inside networks.
  if (isIetfProtocolIpv4(bytes) || isUnroutedIpv4(bytes)) return 'reserved';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // 240/4 and the broadcast address.
  return 'public';
};

const notPublic = (kind: AddressKind): AddressKind => (kind === 'public' ? 'reserved' : kind);

const embeddedIpv4 = (high: number, low: number): Bytes4 => [high >> 8, high & 0xff, low >> 8, low & 0xff];

/**
 * 2001::/23 is for IETF protocols (Teredo, 2001::/32, among them): not globally reachable, but for
 * the few services IANA lists as global (2001:1::1–3, AMT, AS112, ORCHIDv2, DRIP).
 */
const isGlobalIetfProtocolIpv6 = (groups: readonly number[]): boolean => {
  const [, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if (g1 === 1 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 >= 1 && g7 <= 3) return true;
  return g1 === 3 || (g1 === 4 && g2 === 0x112) || (g1 & 0xfff0) === 0x20 || (g1 & 0xfff0) === 0x30;
};

/** Ranges IANA lists as not globally reachable that carry no IPv4 address of their own. */
const isUnroutedIpv6 = (groups: readonly number[]): boolean => {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0] = groups;
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && (g3 === 0 || g3 === 1)) return true; // 100::/64 discard, 100:0:0:1::/64 dummy.
  if (g0 === 0x2001 && g1 < 0x200) return !isGlobalIetfProtocolIpv6(groups); // 2001::/23
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // 2001:db8::/32, documentation.
  if (g0 === 0x3fff && g1 < 0x1000) return true; // 3fff::/20, documentation.
  return g0 === 0x5f00; // 5f00::/16, SRv6 segment identifiers.
};

const classifyIpv6 = (groups: readonly number[]): AddressKind => {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (zeroUpTo(7) && g7 === 0) return 'unspecified';
  if (zeroUpTo(7) && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d is an IPv4 address in IPv6 clothing. An internal one keeps its kind (the message
  // names it); a public one is still no public answer: IANA lists ::ffff:0:0/96 as not global, and
  // no public name resolves to it. The same for ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765).
  if (zeroUpTo(5) && g5 === 0xffff) return notPublic(classifyIpv4(embeddedIpv4(g6, g7)));
  if (zeroUpTo(4) && g4 === 0xffff && g5 === 0) return notPublic(classifyIpv4(embeddedIpv4(g6, g7)));
  if (zeroUpTo(6)) return 'reserved'; // The deprecated IPv4-compatible form ::a.b.c.d.
  if (isUnroutedIpv6(groups)) return 'reserved';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that the gateway then reaches.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIpv4(embeddedIpv4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'; // Local-use NAT64, 64:ff9b:1::/48.
  if (g0 === 0x2002) return classifyIpv4(embeddedIpv4(g1, g2));
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, the retired site-local range.
  if ((g0 & 0xff00) === 0xff00) return 'multicast'; // ff00::/8
  return 'public';
};

/**
 * What an IP address reaches, or null when the text is not an IP address (a host name, say).
 * Takes the forms DNS answers and URL hosts give: "10.0.0.1", "::1", "[::1]", "fe80::1%eth0".
 */
export const classifyAddress = (ip: string): AddressKind | null => {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = parseIpv4(bare);
  if (v4 !== null) return classifyIpv4(v4);
  if (!bare.includes(':')) return null;
  // A zone ("%eth0") names the interface of a link-local address; it does not change what it reaches.
  const zone = bare.indexOf('%');
  const groups = parseIpv6(zone === -1 ? bare : bare.slice(0, zone));
  return groups === null ? null : classifyIpv6(groups);
};

/** A host by the addresses it resolved to; no address at all counts as internal, so nothing unknown passes. */
export const hostKindOf = (kinds: readonly (AddressKind | null)[]): HostKind =>
  kinds.length > 0 && kinds.every((kind) => kind === 'public') ? 'public' : 'internal';

/** The host of a web address as a resolver takes it: lower case, IPv6 brackets dropped; null if it is not one. */
export const lookupNameOf = (url: string): string | null => {
  if (!URL.canParse(url)) return null;
  const { hostname } = new URL(url);
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
};

/** The reach of a feed, from its address and whether the user allowed it inside the network. */
export const feedReachOf = (feedUrl: string, allowedInside: boolean): FeedReach => ({ feedHost: lookupNameOf(feedUrl) ?? '', allowedInside });

/**
 * Whether a download for a feed of `reach` may connect to `targetHost` at these addresses: public
 * addresses always; an internal one only on the feed's own host, when the user allowed the feed
 * inside the network. A host that resolved to nothing passes nothing.
 */
export const mayReach = (reach: FeedReach, targetHost: string, kinds: readonly (AddressKind | null)[]): boolean =>
  hostKindOf(kinds) === 'public' || (reach.allowedInside && reach.feedHost !== '' && targetHost.toLowerCase() === reach.feedHost);

/** Names that never leave the user's network (RFC 6761 localhost, mDNS .local, RFC 8375 home.arpa, ICANN's .internal). */
const insideNames = /(^|\.)(localhost|local|home\.arpa|internal)$/;

/**
 * What an address's host says about itself without asking DNS (a browser cannot): 'internal' for an
 * IP address inside the network or a name that only exists inside one, 'unknown' for any other name.
 */
export const hostKindWithoutLookup = (url: string): 'public' | 'internal' | 'unknown' => {
  const host = lookupNameOf(url);
  if (host === null) return 'unknown';
  const kind = classifyAddress(host);
  if (kind !== null) return kind === 'public' ? 'public' : 'internal';
  return insideNames.test(host.replace(/\.$/, '')) ? 'internal' : 'unknown';
};

/** Whether a page at `pageUrl` that names a feed at `linkUrl` points from outside the network into it. */
export const leadsInsideNetwork = (pageUrl: string, linkUrl: string): boolean =>
  hostKindWithoutLookup(linkUrl) === 'internal' && hostKindWithoutLookup(pageUrl) !== 'internal';
