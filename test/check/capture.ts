/** The chapter-11 flows as pcap files, for the command-line tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bridgeOpen, buildMessage, type Flow, type FlowStep } from '../fixtures/flows/chapter11.js';
import { conversationFlow, pcapOf } from '../support/cti-capture.js';

/** A pcap of one TCP connection carrying the flow (with the bridge OPEN_REQ / OPEN_CONF in front). */
export function flowPcap(flow: Flow, port = 50311): Uint8Array {
  const steps: FlowStep[] = [...bridgeOpen(), ...flow.steps];
  return pcapOf(
    conversationFlow({
      client: { addr: '10.1.1.5', port },
      server: { addr: '10.1.1.2', port: 42027 },
      steps: steps.map((s) => ({ from: s.direction === 'client-to-server' ? ('client' as const) : ('server' as const), messages: [buildMessage(s.type, s.fields)] })),
    }),
  );
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ccxcti-check-'));
}

export function writeTemp(dir: string, name: string, data: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}
