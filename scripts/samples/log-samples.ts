/**
 * The MIVR log samples of samples/logs/ (see samples/README.md), made from the guide's
 * chapter-11 flows (test/fixtures/flows/chapter11.ts): every message is logged at both levels
 * — the high-level trace in the shape of the guide's Example 1, the low-level dump of its
 * bytes (`buildMessage` + `encode`) in the shape of Example 2 — amid records of other
 * facilities and ICD_CTI records that hold no message. Server messages are traced then
 * written (`writing...`); the client requests the outbound flows imply are read
 * (`reading...`) then traced (`CSInboundMsgProcessor: got a request message:`). The outbound
 * flows print coded values by name (`CALLTYPE_RESERVATION`, `N/A`) as the guide's do.
 *
 * One sample is gzip-compressed (conferenced), one is a rotated pair whose names run against
 * time (outbound-accepted: MIVR99.log then MIVR01.log), one holds a damaged header line
 * (queued-and-answered).
 */
import { gzipSync } from 'node:zlib';
import { encode } from '../../src/protocol/codec/encode.js';
import { buildMessage, CHAPTER_11_FLOWS, type Flow } from '../../test/fixtures/flows/chapter11.js';
import { MivrLogWriter, type LogStart } from './mivr-log-writer.js';
import { highLevelTrace, lowLevelDump } from './trace-text.js';

export interface SampleFile {
  /** Path under the samples directory. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Records of other facilities (and ICD_CTI records without a message) a real log interleaves. */
const NOISE: ReadonlyArray<readonly [string, string]> = [
  ['SS_TEL', 'JTAPICallContact[id=1677,type=Cisco JTAPI Call,implId=16777507/1,state=STATE_RECEIVED_IDX,inbound=true,App name=CCX_App,cn=7000,dn=7000,cgn=2005]'],
  ['ICD_CTI', 'CTIServer: client 10.1.1.5:50311 (agent agt2006) HEARTBEAT_REQ received, 0 messages queued'],
  ['SS_RM', 'RmCm: Resource agt2006 state change AVAILABLE -> RESERVED, CSQ=1'],
  ['ENG', 'Task:32000000012, Engine step Accept (icd.aef) executed'],
  ['SS_CM', 'ContactManager: contact 16777507 associated with CSQ 1'],
  ['ICD_CTI', 'CSOutboundMsgProcessor: 3 client(s) receive the next event'],
  ['APP_MGR', 'ApplicationManager: script icd.aef loaded (version 2)'],
];

const STARTS: Readonly<Record<string, LogStart>> = {
  'queued-and-answered': { year: 2015, month: 11, day: 20, hour: 10, minute: 43, second: 59, ms: 435, tz: 'EDT', seq: 7091900 },
  transferred: { year: 2015, month: 11, day: 20, hour: 10, minute: 52, second: 10, ms: 120, tz: 'EDT', seq: 7093100 },
  conferenced: { year: 2015, month: 11, day: 20, hour: 11, minute: 5, second: 0, ms: 10, tz: 'EDT', seq: 7094200 },
  'outbound-accepted': { year: 2015, month: 11, day: 23, hour: 14, minute: 0, second: 1, ms: 250, tz: 'EST', seq: 3201000 },
  'outbound-skipped': { year: 2015, month: 11, day: 23, hour: 14, minute: 10, second: 30, ms: 500, tz: 'EST', seq: 3205000 },
  'outbound-rejected': { year: 2015, month: 11, day: 23, hour: 14, minute: 20, second: 45, ms: 750, tz: 'EST', seq: 3207000 },
};

/** The log text of a flow (split in two where `rotateAt` says: a rotated pair). */
function flowLog(flow: Flow, rotateAt?: number): string[] {
  const start = STARTS[flow.id];
  if (!start) throw new Error(`no start time for flow ${flow.id}`);
  const w = new MivrLogWriter(start);
  const outbound = flow.id.startsWith('outbound');
  const texts: string[] = [];
  let noise = 0;
  const someNoise = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const [facility, text] = NOISE[noise++ % NOISE.length]!;
      w.record(facility, text, { seqStep: 2 });
      w.advance(1);
    }
  };
  someNoise(2);
  flow.steps.forEach((step, i) => {
    if (i === rotateAt) texts.push(w.take());
    const message = buildMessage(step.type, step.fields);
    const fromClient = step.direction === 'client-to-server';
    const high = `\n${highLevelTrace(step.type, message.fields, {
      symbolic: outbound,
      ...(fromClient ? { preamble: 'CSInboundMsgProcessor: got a request message:' } : {}),
    })}`;
    const low = lowLevelDump(encode(message), fromClient ? 'reading...' : 'writing...');
    const [first, second] = fromClient ? [low, high] : [high, low];
    w.record('ICD_CTI', first);
    someNoise(i % 3 === 0 ? 2 : 1);
    w.record('ICD_CTI', second);
    if (flow.id === 'queued-and-answered' && i === 4) w.raw('7091999: Nov 20 10:4'); // a header cut short: garbage
    w.advance(37 + (i % 5) * 11);
    someNoise(1);
  });
  texts.push(w.take());
  return texts;
}

/** Every log sample, by path under samples/. */
export function logSampleFiles(): SampleFile[] {
  const files: SampleFile[] = [];
  for (const flow of CHAPTER_11_FLOWS) {
    const dir = `logs/${flow.id}`;
    if (flow.id === 'outbound-accepted') {
      const [older, newer] = flowLog(flow, 9);
      files.push({ path: `${dir}/MIVR99.log`, content: older! }, { path: `${dir}/MIVR01.log`, content: newer! });
    } else if (flow.id === 'conferenced') {
      files.push({ path: `${dir}/MIVR01.log.gz`, content: new Uint8Array(gzipSync(Buffer.from(flowLog(flow)[0]!), { level: 9 })) });
    } else {
      files.push({ path: `${dir}/MIVR01.log`, content: flowLog(flow)[0]! });
    }
  }
  return files;
}
