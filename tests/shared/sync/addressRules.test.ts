// The address rules keep a public feed from leading Field News into the user's own network:
// every form of a loopback, private, link-local or unique-local address is named as such, and
// only a feed added inside the network may stay there.
import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, hostKindOf, mayFollow, type AddressKind, type HostKind } from '../../../shared/sync/addressRules';

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
    ['::ffff:8.8.8.8', 'public'],
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
  ] as const) {
    internalRanges.addSubnet(network, prefix, 'ipv4');
  }
  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((bytes) => bytes.join('.'));

  it('calls an IPv4 address public exactly when it lies outside every internal range', () => {
    fc.assert(
      fc.property(ipv4, (ip) => {
        expect(classifyAddress(ip) === 'public').toBe(!internalRanges.check(ip, 'ipv4'));
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives an IPv4-mapped IPv6 address, in every spelling, the kind of its IPv4 address', () => {
    fc.assert(
      fc.property(ipv4, (ip) => {
        const kind = classifyAddress(ip);
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

describe('the rule for following an address', () => {
  const hostKind = fc.constantFrom<HostKind>('public', 'internal');

  it('lets a feed added inside the network go anywhere, and a public feed only to public hosts', () => {
    fc.assert(
      fc.property(hostKind, hostKind, (feedHostKind, targetHostKind) => {
        expect(mayFollow({ feedHostKind, targetHostKind })).toBe(feedHostKind === 'internal' || targetHostKind === 'public');
      }),
    );
    expect(mayFollow({ feedHostKind: 'public', targetHostKind: 'internal' })).toBe(false);
    expect(mayFollow({ feedHostKind: 'internal', targetHostKind: 'internal' })).toBe(true);
    expect(mayFollow({ feedHostKind: 'internal', targetHostKind: 'public' })).toBe(true);
    expect(mayFollow({ feedHostKind: 'public', targetHostKind: 'public' })).toBe(true);
  });

  it('calls a host internal when any one of its addresses is, or when it has none', () => {
    expect(hostKindOf(['public', 'public'])).toBe('public');
    expect(hostKindOf(['public', 'loopback'])).toBe('internal');
    expect(hostKindOf(['private'])).toBe('internal');
    expect(hostKindOf([null])).toBe('internal');
    expect(hostKindOf([])).toBe('internal');
  });
});
