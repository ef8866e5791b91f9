import { describe, expect, it } from 'vitest';
import { collectCapture, type Collected } from '../support/capture-events.js';
import {
  ACK,
  concatBytes,
  ethernet,
  ETH_IPV4,
  ETH_IPV6,
  ipv4,
  ipv4Fragments,
  ipv6,
  ipv6Fragments,
  loopLink,
  nullLink,
  PSH,
  sll,
  sll2,
  tcp,
  writePcap,
  writePcapng,
} from '../support/capture-writer.js';

const V4 = ['10.0.0.1', '10.0.0.2'] as const;
const V6 = ['2001:db8::1', '2001:db8::2'] as const;
const payload = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 13 + 7) & 0xff);

function tcpSeg(v6: boolean, data: Uint8Array, seq = 1000): Uint8Array {
  const [s, d] = v6 ? V6 : V4;
  return tcp({ srcPort: 40000, dstPort: 42027, seq, ack: 1, flags: PSH | ACK, payload: data }, s, d);
}
const ip4 = (data: Uint8Array, options?: Uint8Array): Uint8Array => ipv4({ src: V4[0], dst: V4[1], protocol: 6, payload: tcpSeg(false, data), options });
const ip6 = (data: Uint8Array): Uint8Array => ipv6({ src: V6[0], dst: V6[1], nextHeader: 6, payload: tcpSeg(true, data) });

function run(linkType: number, frames: readonly Uint8Array[], chunks?: number[]): Collected {
  const file = writePcap(
    frames.map((data, i) => ({ sec: 1_700_000_000 + i, nsec: 0, data })),
    { linkType },
  );
  return collectCapture(file, {}, chunks);
}

/** The single connection's client→server bytes. */
function delivered(r: Collected): Uint8Array {
  expect(r.violations).toEqual([]);
  expect(r.connections).toHaveLength(1);
  return Uint8Array.from(r.connections[0].dirs[0].data);
}

describe('link layers', () => {
  const data = payload(300);
  const cases: Array<[string, number, Uint8Array]> = [
    ['Ethernet II / IPv4', 1, ethernet(ip4(data), ETH_IPV4)],
    ['Ethernet II / IPv6', 1, ethernet(ip6(data), ETH_IPV6)],
    ['802.1Q', 1, ethernet(ip4(data), ETH_IPV4, [{ tpid: 0x8100, vid: 10 }])],
    ['QinQ 0x88a8 + 0x8100', 1, ethernet(ip6(data), ETH_IPV6, [{ tpid: 0x88a8, vid: 100 }, { tpid: 0x8100, vid: 10 }])],
    ['stacked 0x9100 tags', 1, ethernet(ip4(data), ETH_IPV4, [{ tpid: 0x9100, vid: 1 }, { tpid: 0x9100, vid: 2 }, { tpid: 0x8100, vid: 3 }])],
    ['Linux SLL / IPv4', 113, sll(ip4(data), ETH_IPV4)],
    ['Linux SLL / IPv6', 113, sll(ip6(data), ETH_IPV6)],
    ['Linux SLL2 / IPv4', 276, sll2(ip4(data), ETH_IPV4)],
    ['Linux SLL2 / IPv6', 276, sll2(ip6(data), ETH_IPV6)],
    ['NULL, AF_INET little-endian', 0, nullLink(ip4(data), 2, true)],
    ['NULL, AF_INET big-endian', 0, nullLink(ip4(data), 2, false)],
    ['NULL, AF_INET6=24 little-endian', 0, nullLink(ip6(data), 24, true)],
    ['NULL, AF_INET6=28 big-endian', 0, nullLink(ip6(data), 28, false)],
    ['NULL, AF_INET6=30 little-endian', 0, nullLink(ip6(data), 30, true)],
    ['LOOP, AF_INET', 108, loopLink(ip4(data), 2)],
    ['LOOP, AF_INET6=24', 108, loopLink(ip6(data), 24)],
    ['raw 101 / IPv4', 101, ip4(data)],
    ['raw 101 / IPv6', 101, ip6(data)],
    ['raw 228 (IPv4)', 228, ip4(data)],
    ['raw 229 (IPv6)', 229, ip6(data)],
    ['raw 12', 12, ip4(data)],
    ['raw 14', 14, ip6(data)],
  ];
  for (const [name, linkType, frame] of cases) {
    it(`decodes ${name}`, () => {
      const r = run(linkType, [frame]);
      expect(delivered(r)).toEqual(data);
      expect(r.diagnostics).toEqual([]);
      expect(r.stats.decode.tcpSegments).toBe(1);
    });
  }

  it('ignores Ethernet padding after the IP packet', () => {
    const small = ethernet(ip4(payload(2)), ETH_IPV4);
    const padded = concatBytes(small, new Uint8Array(60 - small.length).fill(0xee));
    expect(delivered(run(1, [padded]))).toEqual(payload(2));
  });

  it('counts non-IP and non-TCP traffic silently', () => {
    const arp = ethernet(new Uint8Array(28), 0x0806);
    const llc = concatBytes(new Uint8Array(12), Uint8Array.of(0, 40), new Uint8Array(40));
    const udp = ethernet(ipv4({ src: V4[0], dst: V4[1], protocol: 17, payload: new Uint8Array(16) }), ETH_IPV4);
    const icmp6 = ethernet(ipv6({ src: V6[0], dst: V6[1], nextHeader: 58, payload: new Uint8Array(8) }), ETH_IPV6);
    const nullOther = nullLink(new Uint8Array(20), 7, true);
    const r = run(1, [arp, llc, udp, icmp6]);
    expect(r.diagnostics).toEqual([]);
    expect(r.stats.decode).toMatchObject({ frames: 4, notIp: 2, notTcp: 2, tcpSegments: 0 });
    expect(r.connections).toEqual([]);
    expect(run(0, [nullOther]).stats.decode.notIp).toBe(1);
  });

  it('reports an unsupported link type once and skips its frames', () => {
    const r = run(147, [new Uint8Array(40), new Uint8Array(40)]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LINK_TYPE_UNSUPPORTED']);
    expect(r.stats.decode.unsupportedLinkType).toBe(2);
  });

  it('decodes per-interface link types of a pcapng file', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: 1 }, { linkType: 276 }],
        blocks: [
          { kind: 'epb', interfaceId: 0, sec: 1, nsec: 0, data: ethernet(ip4(payload(10)), ETH_IPV4) },
          { kind: 'epb', interfaceId: 1, sec: 2, nsec: 0, data: sll2(ipv4({ src: V4[0], dst: V4[1], protocol: 6, payload: tcpSeg(false, payload(5), 1010) }), ETH_IPV4) },
        ],
      },
    ]);
    const r = collectCapture(file);
    expect(delivered(r)).toEqual(payload(15).map((_, i) => (i < 10 ? payload(10)[i] : payload(5)[i - 10])));
  });
});

describe('network layer', () => {
  it('skips IPv4 options using the IHL', () => {
    const options = Uint8Array.of(0x07, 11, 4, 1, 2, 3, 4, 5, 6, 7, 8, 0x01); // record route + NOP
    expect(delivered(run(1, [ethernet(ip4(payload(50), options), ETH_IPV4)]))).toEqual(payload(50));
  });

  it('accepts an IPv4 total length of 0 (TSO) as "what was captured"', () => {
    const frame = ipv4({ src: V4[0], dst: V4[1], protocol: 6, payload: tcpSeg(false, payload(70)), totalLengthField: 0 });
    expect(delivered(run(101, [frame]))).toEqual(payload(70));
  });

  it('walks IPv6 extension headers (hop-by-hop, routing, destination options, AH)', () => {
    const frame = ipv6({
      src: V6[0],
      dst: V6[1],
      nextHeader: 6,
      payload: tcpSeg(true, payload(90)),
      extensionHeaders: [{ type: 0 }, { type: 43, body: new Uint8Array(14) }, { type: 60 }, { type: 51, body: new Uint8Array(18) }],
    });
    const r = run(101, [frame]);
    expect(delivered(r)).toEqual(payload(90));
    expect(r.diagnostics).toEqual([]);
  });

  it('stops at IPv6 ESP with a diagnostic', () => {
    const frame = ipv6({ src: V6[0], dst: V6[1], nextHeader: 50, payload: new Uint8Array(40), extensionHeaders: [{ type: 0 }] });
    const r = run(101, [frame]);
    expect(r.diagnostics.map((d) => [d.code, d.frame])).toEqual([['IP_ESP_NOT_DECODED', 1]]);
    expect(r.connections).toEqual([]);
  });

  const seg4 = tcpSeg(false, payload(1000));
  const frags4 = ipv4Fragments({ src: V4[0], dst: V4[1], protocol: 6, payload: seg4, id: 77 }, 256);

  it('reassembles IPv4 fragments in any order, with duplicates', () => {
    expect(frags4).toHaveLength(4);
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 0, 3, 1, 3],
    ]) {
      const r = run(101, order.map((i) => frags4[i]));
      expect(delivered(r)).toEqual(payload(1000));
      expect(r.diagnostics).toEqual([]);
      expect(r.stats.decode.ipDatagramsReassembled).toBe(1);
      // The data belongs to the frame that completed the datagram.
      const ev = r.events.find((e) => e.kind === 'data');
      expect(ev?.kind === 'data' ? ev.frame : 0).toBe(order.findIndex((_, k) => new Set(order.slice(0, k + 1)).size === 4) + 1);
    }
  });

  it('reports overlapping IPv4 fragments that disagree (first copy kept)', () => {
    const conflicting = ipv4({ src: V4[0], dst: V4[1], protocol: 6, payload: new Uint8Array(256).fill(0x55), id: 77, fragmentOffset: 256, moreFragments: true });
    const r = run(101, [frags4[0], frags4[1], conflicting, frags4[2], frags4[3]]);
    expect(delivered(r)).toEqual(payload(1000));
    expect(r.diagnostics.map((d) => [d.code, d.frame])).toEqual([['IP_FRAGMENT_OVERLAP', 3]]);
  });

  it('reports fragments never completed (at the end, and after the timeout)', () => {
    const atEnd = run(101, [frags4[0], frags4[2]]);
    expect(atEnd.diagnostics.map((d) => [d.code, d.frame])).toEqual([['IP_FRAGMENT_INCOMPLETE', 1]]);
    expect(atEnd.connections).toEqual([]);
    // run() spaces frames 1 s apart: 40 frames later the datagram has timed out (30 s).
    const filler = ipv4({ src: V4[0], dst: V4[1], protocol: 17, payload: new Uint8Array(8) });
    const late = run(101, [frags4[0], ...Array<Uint8Array>(40).fill(filler), frags4[1], frags4[2], frags4[3]]);
    expect(late.diagnostics.map((d) => d.code)).toEqual(['IP_FRAGMENT_INCOMPLETE', 'IP_FRAGMENT_INCOMPLETE']);
    expect(late.connections).toEqual([]);
  });

  it('reassembles IPv6 fragments, with extension headers on both sides of the fragment header', () => {
    const frags = ipv6Fragments(
      {
        src: V6[0],
        dst: V6[1],
        nextHeader: 6,
        payload: tcpSeg(true, payload(700)),
        extensionHeaders: [{ type: 0 }],
        fragmentableHeaders: [{ type: 60 }],
        id: 0x12345678,
      },
      200,
    );
    const r = run(1, [frags[2], frags[0], frags[3], frags[1]].map((f) => ethernet(f, ETH_IPV6)));
    expect(delivered(r)).toEqual(payload(700));
    expect(r.diagnostics).toEqual([]);
  });

  it('skips frames whose headers are cut by the snap length, with a diagnostic', () => {
    const full = ethernet(ip4(payload(10)), ETH_IPV4);
    const r = run(1, [full.subarray(0, 10), full.subarray(0, 14 + 12), full.subarray(0, 14 + 20 + 10), full.subarray(0, 18)]);
    expect(r.diagnostics.map((d) => [d.code, d.frame])).toEqual([
      ['LINK_HEADER_TRUNCATED', 1],
      ['IP_HEADER_TRUNCATED', 2],
      ['TCP_HEADER_TRUNCATED', 3],
      ['IP_HEADER_TRUNCATED', 4],
    ]);
    expect(r.stats.decode.truncated).toBe(4);
  });

  it('reports malformed headers', () => {
    const badVersion = ip4(payload(3)).slice();
    badVersion[0] = 0x55;
    const badIhl = ip4(payload(3)).slice();
    badIhl[0] = 0x43;
    const r = run(228, [badVersion, badIhl]);
    expect(run(101, [badVersion]).diagnostics).toEqual([]); // raw 101: version 5 is simply not IP
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IP_BAD_HEADER', 'IP_BAD_HEADER']);
  });
});
