// The address rules keep a public feed from leading Field News into the user's own network:
// every form of a loopback, private, link-local or unique-local address is named as such, and
// only a feed added inside the network may stay there.
import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, feedReachOf, hostKindOf, hostKindWithoutLookup, leadsInsideNetwork, mayReach, type AddressKind } from '../../../shared/sync/addressRules';

describe('classifyAddress', () => {
  it.each<[string, AddressKind]>([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['[::]', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['::ffff:192.168.1.10', 'private'],
    ['::ffff:c0a8:10a', 'private'],
    ['169.254.169.254', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['FD00::ABCD', 'unique-local'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.255', 'carrier-grade-nat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['169.253.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['11.0.0.1', 'public'],
    ['126.255.255.255', 'public'],
    ['128.0.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:82b::200e', 'public'],
    ['fbff::1', 'public'],
    ['fec0::1', 'private'],
    ['::ffff:8.8.8.8', 'reserved'],
    ['::ffff:0:8.8.8.8', 'reserved'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['2001::1', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
    ['2001:1::1', 'public'],
    ['2001:1::4', 'reserved'],
    ['2001:3::1', 'public'],
    ['2001:4:112::1', 'public'],
    ['2001:4:113::1', 'reserved'],
    ['2001:20::1', 'public'],
    ['2001:2::1', 'reserved'],
    ['2001:1ff::1', 'reserved'],
    ['2001:200::1', 'public'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'reserved'],
    ['100:0:0:1::1', 'reserved'],
    ['100:0:0:2::1', 'public'],
    ['3fff::1', 'reserved'],
    ['3fff:1000::1', 'public'],
    ['5f00::1', 'reserved'],
    ['192.0.0.1', 'reserved'],
    ['192.0.0.9', 'public'],
    ['192.0.2.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['192.88.99.1', 'reserved'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it.each([
    'localhost',
    'news.example.org',
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3.-4',
    ' 1.2.3.4',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':::',
    '12345::1',
    'g::1',
    '::ffff:1.2.3',
    '::ffff:1.2.3.4:5',
    '1:2:3:4:5:6:7:1.2.3.4',
    '[::1',
  ])('%j is not an IP address', (text) => {
    expect(classifyAddress(text)).toBeNull();
  });

  // Node's BlockList is an independent implementation of the same ranges: it is the oracle.
  const internalRanges = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
    // IANA's IPv4 special-purpose registry, the blocks not globally reachable.
    ['192.0.2.0', 24],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['192.88.99.0', 24],
  ] as const) {
    internalRanges.addSubnet(network, prefix, 'ipv4');
  }
  // 192.0.0.0/24 but its two global anycast services.
  internalRanges.addRange('192.0.0.0', '192.0.0.8', 'ipv4');
  internalRanges.addRange('192.0.0.11', '192.0.0.255', 'ipv4');
  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((bytes) => bytes.join('.'));

  it('calls an IPv4 address public exactly when it lies outside every internal range', () => {
    fc.assert(
      fc.property(ipv4, (ip) => {
        expect(classifyAddress(ip) === 'public').toBe(!internalRanges.check(ip, 'ipv4'));
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives an IPv4-mapped IPv6 address, in every spelling, the kind of its IPv4 address, and never public', () => {
    fc.assert(
      fc.property(ipv4, (ip) => {
        const ipv4Kind = classifyAddress(ip);
        // IANA: ::ffff:0:0/96 is not globally reachable, and no public name answers with it.
        const kind = ipv4Kind === 'public' ? 'reserved' : ipv4Kind;
        // The URL parser writes the mapped form in hex (::ffff:7f00:1), as a browser or Electron would.
        const canonical = new URL(`http://[::ffff:${ip}]/`).hostname;
        expect(classifyAddress(`::ffff:${ip}`)).toBe(kind);
        expect(classifyAddress(canonical)).toBe(kind);
        expect(classifyAddress(`0:0:0:0:0:ffff:${ip}`)).toBe(kind);
      }),
      { numRuns: 2_000 },
    );
  });

  const group = fc.nat(0xffff);
  const groups = fc.tuple(group, group, group, group, group, group, group, group);
  const written = (values: readonly number[]) => values.map((value) => value.toString(16)).join(':');

  it('reads the long and the compressed form of any IPv6 address alike', () => {
    fc.assert(
      fc.property(groups, (values) => {
        const long = written(values);
        const compressed = new URL(`http://[${long}]/`).hostname;
        expect(classifyAddress(long)).not.toBeNull();
        expect(classifyAddress(compressed)).toBe(classifyAddress(long));
      }),
      { numRuns: 2_000 },
    );
  });

  it('calls every address in fc00::/7 unique-local and every one in fe80::/10 link-local', () => {
    fc.assert(
      fc.property(groups, fc.boolean(), (values, uniqueLocal) => {
        const [first, ...rest] = values;
        const address = uniqueLocal ? [0xfc00 | (first & 0x01ff), ...rest] : [0xfe80 | (first & 0x003f), ...rest];
        expect(classifyAddress(written(address))).toBe(uniqueLocal ? 'unique-local' : 'link-local');
      }),
    );
  });

  // IANA's IPv6 special-purpose registry, the blocks not globally reachable (with the global
  // exceptions inside 2001::/23), plus the ranges the rules add: Node's BlockList is the oracle.
  const internalIpv6 = new BlockList();
  for (const [network, prefix] of [
    ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['100::', 64], ['100:0:0:1::', 64], ['2001::', 23], ['2001:db8::', 32],
    ['3fff::', 20], ['5f00::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['::', 96], ['64:ff9b:1::', 48],
  ] as const) {
    internalIpv6.addSubnet(network, prefix, 'ipv6');
  }
  const globalIpv6 = new BlockList();
  globalIpv6.addRange('2001:1::1', '2001:1::3', 'ipv6');
  for (const [network, prefix] of [['2001:3::', 32], ['2001:4:112::', 48], ['2001:20::', 28], ['2001:30::', 28]] as const) globalIpv6.addSubnet(network, prefix, 'ipv6');
  // Addresses near the special blocks (their first groups), and anywhere; the blocks that carry an
  // IPv4 address (NAT64, 6to4, IPv4-translated) take that address's kind and are left to the tests above.
  const nearBlocks = fc.constantFrom(0x0000, 0x0064, 0x0100, 0x2001, 0x3fff, 0x5f00, 0xfc00, 0xfe80, 0xff02, 0x2606);
  const candidate = fc.tuple(fc.oneof(nearBlocks, group), fc.oneof(fc.constantFrom(0, 1, 3, 4, 0x20, 0x30, 0x1ff, 0x200, 0xdb8, 0xff9b), group), group, group, group, group, group, group);
  const carriesIpv4 = ([g0, g1, g2, g3, g4, g5]: readonly number[]) =>
    (g0 === 0x64 && g1 === 0xff9b) || g0 === 0x2002 || (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && (g4 === 0xffff || g5 === 0xffff || g4 === 0));

  it('calls an IPv6 address public exactly when IANA lists it as globally reachable', () => {
    fc.assert(
      fc.property(candidate, (values) => {
        fc.pre(!carriesIpv4(values));
        const ip = written(values);
        const internal = internalIpv6.check(ip, 'ipv6') && !globalIpv6.check(ip, 'ipv6');
        expect(classifyAddress(ip) === 'public').toBe(!internal);
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws, whatever text it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f:.%[\]]{0,45}$/)), (text) => {
        const kind = classifyAddress(text);
        expect(kind === null || typeof kind === 'string').toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('the reach of a feed', () => {
  const kinds = fc.array(fc.constantFrom<AddressKind | null>('public', 'private', 'loopback', 'link-local', null), { minLength: 0, maxLength: 3 });
  const host = fc.constantFrom('intranet.example.org', 'router.example.org', 'news.example.org');

  it('lets every feed reach public addresses, and only a feed allowed inside reach an internal one, on its own host', () => {
    fc.assert(
      fc.property(fc.boolean(), host, host, kinds, (allowedInside, feedHost, targetHost, answers) => {
        const reach = feedReachOf(`http://${feedHost}/feed.xml`, allowedInside);
        const everyPublic = answers.length > 0 && answers.every((kind) => kind === 'public');
        expect(mayReach(reach, targetHost, answers)).toBe(everyPublic || (allowedInside && feedHost === targetHost));
      }),
    );
    expect(mayReach(feedReachOf('http://intranet.example.org/', true), 'INTRANET.example.org', ['private'])).toBe(true);
    expect(mayReach(feedReachOf('not an address', true), '', ['private'])).toBe(false);
  });

  it('calls a host internal when any one of its addresses is, or when it has none', () => {
    expect(hostKindOf(['public', 'public'])).toBe('public');
    expect(hostKindOf(['public', 'loopback'])).toBe('internal');
    expect(hostKindOf(['private'])).toBe('internal');
    expect(hostKindOf([null])).toBe('internal');
    expect(hostKindOf([])).toBe('internal');
  });
});

describe('links a page names', () => {
  it.each([
    ['http://192.168.1.1/rss', 'internal'],
    ['http://[::1]/rss', 'internal'],
    ['http://localhost:8080/feed', 'internal'],
    ['http://printer.local/feed', 'internal'],
    ['http://nas.home.arpa./feed', 'internal'],
    ['http://wiki.corp.internal/feed', 'internal'],
    ['http://8.8.8.8/feed', 'public'],
    ['https://news.example.org/feed', 'unknown'],
    ['http://localhost.example.org/feed', 'unknown'],
    ['not an address', 'unknown'],
  ])('read %s as %s without a look-up', (url, kind) => {
    expect(hostKindWithoutLookup(url)).toBe(kind);
  });

  it('point from outside the network into it only when the page is outside and the link inside', () => {
    expect(leadsInsideNetwork('https://news.example.org/', 'http://192.168.1.1/rss')).toBe(true);
    expect(leadsInsideNetwork('http://8.8.8.8/', 'http://localhost/rss')).toBe(true);
    expect(leadsInsideNetwork('http://intranet.local/', 'http://192.168.1.1/rss')).toBe(false);
    expect(leadsInsideNetwork('https://news.example.org/', 'https://news.example.org/rss')).toBe(false);
  });
});
