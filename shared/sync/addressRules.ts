// Where a feed download may lead: a feed the user added on a public address may not redirect or
// page into the user's own network (this computer, the office LAN, a router), since that would let
// any web server make Field News send blind requests there. Pure: the DNS lookup is the caller's.

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

const classifyIpv4 = ([a, b]: Bytes4): AddressKind => {
  if (a === 0) return 'unspecified'; // 0.0.0.0/8: "this network"; 0.0.0.0 reaches this computer on Linux and macOS.
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade-nat';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // Benchmarking, sometimes used inside networks.
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // 240/4 and the broadcast address.
  return 'public';
};

const embeddedIpv4 = (high: number, low: number): Bytes4 => [high >> 8, high & 0xff, low >> 8, low & 0xff];

const classifyIpv6 = (groups: readonly number[]): AddressKind => {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (zeroUpTo(7) && g7 === 0) return 'unspecified';
  if (zeroUpTo(7) && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d is an IPv4 address in IPv6 clothing: it reaches exactly that IPv4 address.
  if (zeroUpTo(5) && g5 === 0xffff) return classifyIpv4(embeddedIpv4(g6, g7));
  if (zeroUpTo(6)) return 'reserved'; // The deprecated IPv4-compatible form ::a.b.c.d.
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

/**
 * Whether a download for a feed on `feedHostKind` may go to a host of `targetHostKind`. A feed the
 * user added inside their network (an office intranet, or 127.0.0.1) may stay there; a public one
 * may not lead inside it.
 */
export const mayFollow = ({ feedHostKind, targetHostKind }: { feedHostKind: HostKind; targetHostKind: HostKind }): boolean =>
  feedHostKind === 'internal' || targetHostKind === 'public';
