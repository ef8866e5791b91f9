/**
 * CaptureTcpPipeline over the files of one capture (nextFile): each file's reader ends — its
 * truncation said, tagged with the file's index and its own frame numbers — before the next
 * file starts; the decoder and reassembler go on, their frames numbered on across the files.
 */
import { describe, expect, it } from 'vitest';
import { CaptureTcpPipeline } from '../../src/capture/capture-pipeline.js';
import type { CaptureEvent } from '../../src/capture/tcp-events.js';
import { writePcap } from '../support/capture-writer.js';
import { conversationFlow } from '../support/cti-capture.js';
import { flowToEthernetPackets } from '../support/tcp-flow.js';

const packets = flowToEthernetPackets(
  conversationFlow({
    client: { addr: '10.1.1.5', port: 50311 },
    server: { addr: '10.1.1.2', port: 42027 },
    steps: Array.from({ length: 6 }, (_, i) => ({ from: 'client' as const, messages: [{ type: 'HEARTBEAT_REQ', fields: { InvokeID: i } }] })),
    mss: 5,
  }),
);

describe('CaptureTcpPipeline.nextFile', () => {
  it('ends the file before (its truncation, with its index and own frame numbering), then carries the connection on', () => {
    const first = writePcap(packets.slice(0, 10), { linkType: 1 });
    const second = writePcap(packets.slice(10), { linkType: 1 });
    const events: CaptureEvent[] = [];
    const pipeline = new CaptureTcpPipeline((e) => events.push(e));
    pipeline.push(first);
    pipeline.push(new Uint8Array(5)); // a record header cut short after the 10 records
    expect(pipeline.nextFile()).toBe(10);
    const atSecond = events.length;
    pipeline.push(second);
    pipeline.end();
    const truncated = events.findIndex((e) => e.kind === 'diagnostic' && e.diagnostic.code === 'PCAP_TRUNCATED_RECORD_HEADER');
    expect(truncated).toBeGreaterThanOrEqual(0);
    expect(truncated).toBeLessThan(atSecond);
    expect(events[truncated]).toMatchObject({ file: 0 });
    // One connection, opened once, its data frames numbered on: the second file's first frame is 11.
    expect(events.filter((e) => e.kind === 'open')).toHaveLength(1);
    const frames = (list: CaptureEvent[]): number[] => list.flatMap((e) => (e.kind === 'data' ? [e.frame] : []));
    expect(frames(events.slice(0, atSecond))).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(frames(events.slice(atSecond))[0]).toBe(11);
    expect(events.filter((e) => e.kind === 'close').map((e) => (e.kind === 'close' ? e.reason : ''))).toEqual(['fin']);
    expect(pipeline.stats.frames).toBe(packets.length - 10);
  });
});
