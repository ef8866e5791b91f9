import { describe, expect, it } from 'vitest';
import { constantTable } from '../../src/protocol/constants.js';
import { fieldIdName } from '../../src/protocol/field-ids.js';
import { MESSAGE_DEFS, UNDEFINED_MESSAGE_DEFS, flattenFloating, recordGroups } from '../../src/protocol/messages/index.js';
import type { FloatingItemDef, MessageDef } from '../../src/protocol/types.js';

/** Table 11 as printed in the guide: every ID with its name ("reserved" for reserved IDs). */
const TABLE_11 = `1 FAILURE_CONF|2 FAILURE_EVENT|3 OPEN_REQ|4 OPEN_CONF|5 HEARTBEAT_REQ|6 HEARTBEAT_CONF|7 CLOSE_REQ|8 CLOSE_CONF|9 CALL_DELIVERED_EVENT|10 CALL_ESTABLISHED_EVENT|11 CALL_HELD_EVENT|12 CALL_RETRIEVED_EVENT|13 CALL_CLEARED_EVENT|14 CALL_CONNECTION_CLEARED_EVENT|15 CALL_ORIGINATED_EVENT|16 CALL_FAILED_EVENT|17 CALL_CONFERENCED_EVENT|18 CALL_TRANSFERRED_EVENT|19 CALL_DIVERTED_EVENT|20 CALL_SERVICE_INITIATED_EVENT|21 CALL_QUEUED_EVENT|23 BEGIN_CALL_EVENT|24 END_CALL_EVENT|25 CALL_DATA_UPDATE_EVENT|26 SET_CALL_DATA_REQ|27 SET_CALL_DATA_CONF|30 AGENT_STATE_EVENT|31 SYSTEM_EVENT|35 CONTROL_FAILURE_CONF|36 QUERY_AGENT_STATE_REQ|37 QUERY_AGENT_STATE_CONF|38 SET_AGENT_STATE_REQ|39 SET_AGENT_STATE_CONF|40 ALTERNATE_CALL_REQ|41 ALTERNATE_CALL_CONF|42 ANSWER_CALL_REQ|43 ANSWER_CALL_CONF|44 CLEAR_CALL_REQ|45 CLEAR_CALL_CONF|46 CLEAR_CONNECTION_REQ|47 CLEAR_CONNECTION_CONF|48 CONFERENCE_CALL_REQ|49 CONFERENCE_CALL_CONF|50 CONSULT_CALL_REQ|51 CONSULT_CALL_CONF|54 HOLD_CALL_REQ|55 HOLD_CALL_CONF|56 MAKE_CALL_REQ|57 MAKE_CALL_CONF|60 RECONNECT_CALL_REQ|61 RECONNECT_CALL_CONF|62 RETRIEVE_CALL_REQ|63 RETRIEVE_CALL_CONF|64 TRANSFER_CALL_REQ|65 TRANSFER_CALL_CONF|68 reserved|69 reserved|78 QUERY_DEVICE_INFO_REQ|79 QUERY_DEVICE_INFO_CONF|82 SNAPSHOT_CALL_REQ|83 SNAPSHOT_CALL_CONF|84 SNAPSHOT_DEVICE_REQ|85 SNAPSHOT_DEVICE_CONF|86 CALL_DEQUEUED_EVENT|91 SEND_DTMF_SIGNAL_REQ|92 SEND_DTMF_SIGNAL_CONF|112 reserved|113 reserved|114 reserved|115 reserved|116 RTP_STARTED_EVENT|117 RTP_STOPPED_EVENT|118 SUPERVISOR_ASSIST_REQ|119 SUPERVISOR_ASSIST_CONF|120 SUPERVISOR_ASSIST_EVENT|121 EMERGENCY_CALL_REQ|122 EMERGENCY_CALL_CONF|123 EMERGENCY_CALL_EVENT|124 SUPERVISE_CALL_REQ|125 SUPERVISE_CALL_CONF|126 reserved|127 reserved|128 reserved|134 reserved|139 BAD_CALL_REQ|140 BAD_CALL_CONF|211 reserved|212 reserved|213 reserved|214 reserved|215 reserved|223 QUERY_QUEUE_STATISTICS_REQ|224 QUERY_QUEUE_STATISTICS_CONF|225 QUERY_SUMMARY_STATISTICS_REQ|226 QUERY_SUMMARY_STATISTICS_CONF|230 CONFIG_REQUEST_KEY_EVENT|231 CONFIG_KEY_EVENT|232 CONFIG_REQUEST_EVENT|233 CONFIG_BEGIN_EVENT|234 CONFIG_END_EVENT|235 CONFIG_APPLICATION_EVENT|236 CONFIG_CSQ_EVENT|237 CONFIG_AGENT_EVENT|238 CONFIG_DEVICE_EVENT|239 QUERY_AGENT_QUEUE_STATISTICS_REQ|240 QUERY_AGENT_QUEUE_STATISTICS_CONF|242 TEAM_CONFIG_REQ|243 TEAM_CONFIG_EVENT|244 TEAM_CONFIG_CONF`
  .split('|')
  .map((row) => {
    const [id, name] = row.split(' ');
    return { id: Number(id), name: name! };
  });

describe('the message table', () => {
  it('has every ID of Table 11: 94 named (91 defined + 3 emergency) and 15 reserved', () => {
    const named = TABLE_11.filter((r) => r.name !== 'reserved');
    const reserved = TABLE_11.filter((r) => r.name === 'reserved');
    expect(named).toHaveLength(94);
    expect(reserved).toHaveLength(15);
    const defined = new Map(MESSAGE_DEFS.map((m) => [m.id, m.name]));
    const undefinedDefs = new Map(UNDEFINED_MESSAGE_DEFS.map((m) => [m.id, m]));
    for (const row of named) {
      const name = defined.get(row.id) ?? undefinedDefs.get(row.id)?.name;
      expect(name, `ID ${row.id}`).toBe(row.name);
    }
    for (const row of reserved) expect(undefinedDefs.get(row.id)?.status, `ID ${row.id}`).toBe('reserved');
    expect(MESSAGE_DEFS).toHaveLength(91);
    expect(new Set(MESSAGE_DEFS.map((m) => m.id)).size).toBe(91);
  });

  for (const def of MESSAGE_DEFS) {
    describe(def.name, () => {
      it('names its fields uniquely per scope and refers only to known constant tables', () => {
        const fixedNames = def.fixed.map((f) => f.name);
        expect(new Set(fixedNames).size).toBe(fixedNames.length);
        const checkScope = (items: readonly FloatingItemDef[], outer: readonly string[]): void => {
          const names = items.map((i) => (i.kind === 'group' ? i.key : i.name));
          expect(new Set(names).size, names.join(',')).toBe(names.length);
          for (const n of names) expect(outer, `floating ${n} collides with a fixed field`).not.toContain(n);
          for (const item of items) {
            if (item.kind === 'group') {
              const scopeNames = [...outer, ...names];
              expect(scopeNames, `${item.key} counted by ${item.countedBy}`).toContain(item.countedBy);
              checkScope(item.members, []);
            } else if (item.repeats) {
              expect([...outer, ...names]).toContain(item.repeats.countedBy);
            }
          }
        };
        checkScope(def.floating, fixedNames);
        for (const field of [...def.fixed, ...flattenFloating(def.floating)]) {
          if (field.values !== undefined) expect(constantTable(field.values), `${field.name} → ${field.values}`).toBeDefined();
        }
      });

      it('uses FieldDataIDs that Table 188 lists', () => {
        for (const field of flattenFloating(def.floating)) {
          // Table 188 marks 125 and 216 reserved although message tables use them; both exist as IDs.
          expect(fieldIdName(field.id), `${field.name}[${field.id}]`).toBeDefined();
        }
      });

      it('has fixed sizes matching the wire types', () => {
        for (const field of def.fixed) {
          const expected = { CHAR: 1, UCHAR: 1, SHORT: 2, USHORT: 2, INT: 4, UINT: 4, BOOL: 2, TIME: 4, UNSPEC: field.size }[field.type];
          expect(field.size).toBe(expected);
        }
      });
    });
  }

  it('counts each record and repeating field exactly once', () => {
    const countOf = (m: MessageDef): string[] => [
      ...recordGroups(m.floating).map((g) => g.countedBy),
      ...flattenFloating(m.floating).flatMap((f) => (f.repeats ? [f.repeats.countedBy] : [])),
    ];
    for (const m of MESSAGE_DEFS) {
      const counters = countOf(m);
      expect(new Set(counters).size, m.name).toBe(counters.length);
    }
  });
});
