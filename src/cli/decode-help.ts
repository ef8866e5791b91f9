/** What `ccxcti decode --help` adds: the display filter's syntax (kept apart so start-up need not load the filter). */

export const DECODE_HELP = `
Display filter (-Y EXPR), as in Wireshark: comparisons joined by && (and), || (or), ! (not)
and parentheses. A field is a message field by its JSON name (CallID, AgentID, CallVariable1),
a path into records (CSQs.CSQID, NamedVariable.VariableName), or one of: type, typeId,
bodyLength, session, direction, file, frame, line, version, index, call (any call ID field),
diagnostic (the codes a message carries). Operators: == != < <= > >= contains matches (~, a
case-insensitive regular expression). Values: numbers (decimal, 0x hex), "strings", and words
that name labels (CallType == CALLTYPE_CCX_IN, ServicesRequested == CTI_SERVICE_CLIENT_EVENTS).
A message type alone means type == NAME. A field alone tests that the message has it; a
comparison of a field the message lacks is false, != included. Examples:

  ccxcti decode capture.pcapng -Y 'call == 16777488'
  ccxcti decode capture.pcapng -Y 'AGENT_STATE_EVENT && AgentID == "agt2006"'
  ccxcti decode MIVR01.log -Y 'diagnostic && !HEARTBEAT_CONF' -c 20

Messages keep their index (their position without a filter, as check findings give it);
input diagnostics (gaps, damaged records) are printed whatever the filter.
`;
