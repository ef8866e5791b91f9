/**
 * `ccxcti decode -V` (as tshark -V): under each message's timeline line, its whole tree —
 * every field with its label, the floating fields with their IDs, the diagnostics — for
 * captures and logs alike, escaped for the terminal and with secrets redacted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as F from '../../scripts/samples/cti-flows.js';
import type { DecodedMessage } from '../../src/protocol/codec/decode.js';
import { messageText } from '../../src/render/message-text.js';
import { ccxcti } from '../support/cli.js';
import { conversationFlow, pcapOf } from '../support/cti-capture.js';

const dir = mkdtempSync(join(tmpdir(), 'ccxcti-verbose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Block {
  readonly line: string;
  readonly tree: string[];
}

/** The verbose output cut into messages: a line that starts with an index, then the indented lines under it. */
function blocks(text: string): Block[] {
  const out: Array<{ line: string; tree: string[] }> = [];
  for (const l of text.split('\n')) {
    if (/^ *\d+  \S/.test(l) && !l.startsWith('        ')) out.push({ line: l, tree: [] });
    else if (l.startsWith('        ') && out.length > 0) out[out.length - 1]!.tree.push(l.slice(8));
    else if (l.trim() === '' || l.startsWith('     !')) continue;
    else break; // the summary after the timeline
  }
  return out;
}

function ndjson(text: string): Array<DecodedMessage & { index: number }> {
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as DecodedMessage & { index: number });
}

describe('decode -V', () => {
  for (const input of ['samples/cti-sessions.pcapng', 'samples/logs/transferred/MIVR01.log']) {
    it(`${input}: each message's line, then its whole tree`, async () => {
      const verbose = await ccxcti(['decode', input, '-V']); // piped: -V makes text the default
      const plain = await ccxcti(['decode', input, '--format', 'text']);
      const json = ndjson((await ccxcti(['decode', input, '--format', 'ndjson'])).stdout);
      expect(verbose.code).toBe(0);
      const got = blocks(verbose.stdout);
      const lines = blocks(plain.stdout).map((b) => b.line);
      expect(got.map((b) => b.line)).toEqual(lines);
      expect(got).toHaveLength(json.length);
      expect(json.length).toBeGreaterThan(20);
      for (const [i, m] of json.entries()) {
        const tree = got[i]!.tree.join('\n').trimEnd();
        expect(tree.split('\n')[0]).toBe(`${m.type} (MessageTypeID ${m.typeId}), BodyLength ${m.bodyLength}${m.layoutVersion !== undefined ? `, version-${m.layoutVersion} layout${m.layoutInferred === true ? ' (inferred)' : ''}` : ''}`);
        // Every field, under its own name; every diagnostic, by its code.
        for (const name of Object.keys(m.fields)) expect(tree, `${m.index} ${name}`).toMatch(new RegExp(`^\\s+${name}( \\[\\d+\\])? \\.`, 'm'));
        for (const d of m.diagnostics) expect(tree).toContain(d.code);
        expect(tree).toBe(messageText(m));
      }
      // The summary still closes the output.
      expect(verbose.stdout.trimEnd().split('\n').slice(-1)[0]).toBe(plain.stdout.trimEnd().split('\n').slice(-1)[0]);
    });
  }

  it('keeps secrets redacted (unless --show-secrets) and escapes what the capture says', async () => {
    const agent: F.Agent = { extension: '2006', id: 'agt\u001b]0;owned\u0007\u202e2006' };
    const steps = [...F.openSession('p', 1, 13, 'agent', agent), ...F.setAgentState(agent, 2, 3).map((b) => ({ ...b, parties: ['p'] }))];
    const flow = conversationFlow({ client: { addr: '10.0.0.1', port: 40000 }, server: { addr: '10.0.0.2', port: 42027 }, steps: steps.map((b) => ({ from: b.from, messages: b.messages })) });
    const path = join(dir, 'hostile.pcap');
    writeFileSync(path, pcapOf(flow));
    const r = await ccxcti(['decode', path, '-V']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AgentID [194]');
    expect(r.stdout).toContain('agt\\u001b]0;owned\\u0007\\u202e2006');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    const password = F.openRequest(1, 13, 'agent', agent).fields['ClientPassword'];
    expect(typeof password === 'string' && password.length > 8).toBe(true);
    expect(r.stdout).not.toContain(password);
    expect(r.stdout).toMatch(/ClientPassword \[\d+\] \.+ "<redacted>"/);
    const shown = await ccxcti(['decode', path, '-V', '--show-secrets']);
    expect(shown.stdout).toContain(String(password));
  });

  it('with --format json or ndjson it is a usage error (JSON has every field already); -v and --version print the version', async () => {
    for (const format of ['json', 'ndjson']) {
      const r = await ccxcti(['decode', 'samples/cti-sessions.pcap', '-V', '--format', format]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--verbose');
      expect(r.stdout).toBe('');
    }
    const version = (await ccxcti(['--version'])).stdout;
    expect(version).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await ccxcti(['-v'])).stdout).toBe(version);
  });
});
