/**
 * "At least one of" rules of the guide's tables (QUERY_AGENT_STATE_REQ, tables 58–59: at least
 * one of AgentExtension, AgentID or AgentInstrument): bytes written by hand from the table.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';

/** QUERY_AGENT_STATE_REQ (36): InvokeID, reserved UINT 1, INT 1, INT 0, then floating fields. */
function queryAgentState(floating: string): Buffer {
  const body = Buffer.from(`00000007` + `00000001` + `00000001` + `00000000` + floating, 'hex');
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length, 0);
  header.writeUInt32BE(36, 4);
  return Buffer.concat([header, body]);
}

const AGENT_ID = 'c2' + '08' + Buffer.from('agt3000\0').toString('hex'); // FieldDataID 194, 8 bytes

describe('at least one of', () => {
  for (const fastPath of [true, false]) {
    it(`none of the fields: AT_LEAST_ONE_MISSING (fast path ${fastPath ? 'allowed' : 'off'})`, () => {
      const m = decode(queryAgentState(''), { fastPath });
      expect(m.type).toBe('QUERY_AGENT_STATE_REQ');
      const d = m.diagnostics.filter((x) => x.code === 'AT_LEAST_ONE_MISSING');
      expect(d).toHaveLength(1);
      expect(d[0]!.message).toMatch(/AgentExtension.*AgentInstrument.*AgentID|AgentExtension, AgentInstrument, AgentID/);
    });

    it(`one of them is enough (fast path ${fastPath ? 'allowed' : 'off'})`, () => {
      const m = decode(queryAgentState(AGENT_ID), { fastPath });
      expect(m.fields.AgentID).toBe('agt3000');
      expect(m.diagnostics).toEqual([]);
    });
  }
});
