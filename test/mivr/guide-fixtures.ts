/**
 * Excerpts of the guide (chapter 11), copied character for character from the guide's text
 * (`/work/shared/spec/000_a702918f8d102832.txt`, lines 5015–5027 and 5034–5039).
 * `guide-examples.test.ts` checks that they still occur verbatim in the guide.
 */

/** Example 1: High-Level (Text) Trace. */
export const EXAMPLE_1 = `7091923: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:
CSOutboundMsgProcessor: got an event message:
{ length=-1 type=BEGIN_CALL_EVENT, monitorID: 0, peripheralID: 1,
peripheralType: 21, numCTIClients: 0, numNamedVars: 0,
numNamedArrays: 0, callType: 1, ConnectionDeviceType: 0,
connectionCallID: 16777488, calledPartyDisposition: 0,
connectionDeviceID: 9026, ani2: 2006, dnis: 7000, dialedNumber: null,
callerEnteredDigits: null, callVar1: null, callVar2: null,
callVar3: null, callVar4: null, callVar5: null, callVar6: null,
callVar7: null, callVar8: null, callVar9: null, callVar10: null,
wrapupData: null }`;

/** Example 2: Low-Level (Binary) Trace. */
export const EXAMPLE_2 = `7091948: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:writing...
MHDR:    0000: 00 00 00 36 00 00 00 17 ...6....
MDATA:   0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 ....
0010: 00 01 00 00 01 00 01 10 00 00 08 05 32 30 30 36 .....2006
0020: 00 0B 05 37 30 30 30 00 19 05 39 30 32 36 00 0A ..7000...9026..
0030: 05 37 30 30 30 00 .7000.`;

/** Flow table, queued call step 1 (first cell, with the footnote mark and the `...`). */
export const FLOW_BEGIN_CALL = `<pre>MsgType: BEGIN_CALL_EVENT NumCTIClients: 0 NumNamedVars: 0 NumNamedArrays: 0 CallType: 9 ConnectionDeviceType: 0 CallID: 16777507 CalledPartyDisposition: 0 ConnectionDeviceID: 2005 ANI³: 2005 ...</pre>`;

/** Flow table, queued call step 2 (empty value followed by an indexed key). */
export const FLOW_CALL_QUEUED = `<pre>MsgType: CALL_QUEUED_EVENT ConnectionDeviceType: 0 CallID: 16777507 ApplicationID: 2 QueueDeviceType: 77 CallingDeviceType: 76 CalledDeviceType: 74 LastRedirectedDeviceType: 65535 NumCSQs: 1 LocalConnectionState: 5 EventCause: 65535 ConnectionDeviceID: 9019 QueueDeviceID: 1 CallingDeviceID: 2005 CalledDeviceID: 7000 LastRedirectedDeviceID: CsqID[0]: 1</pre>`;

/** Transferred call step 3 (indexed connected-party triples). */
export const FLOW_TRANSFERRED = `<pre> MsgType: CALL_TRANSFERRED_EVENT PrimaryDeviceType: 0 PrimaryCallID: 16777533 NumParties: 2 SecondaryDeviceType: 0 SecondaryCallID: 16777535 TransferringDeviceType: 76 TransferredDeviceType: 76 LocalConnectionState: 3 EventCause: 32 PrimaryDeviceID: 2006 SecondaryDeviceID: 2007 TransferringDeviceID: 2006 TransferredDeviceID: 2007 ConnectedPartyDCallID[0]: 16777533 ConnectedPartyDeviceType[0]: 0 ConnectedPartyDeviceID[0]: 2005 ConnectedPartyDCallID[1]: 16777533 ConnectedPartyDeviceType[1]: 0 ConnectedPartyDeviceID[1]: 2007 </pre>`;

/** Outbound step 2: two columns flattened, ECC with dotted names and a value with a comma. */
export const FLOW_OUTBOUND_BEGIN_CALL = `<pre>MsgType: BEGIN_CALL_EVENT NumCTIClients: 0 NumNamedVariables: 8 NumNamedArrays: 0 CallType: CALLTYPE_RESERVATION ConnectionDeviceType: CONNECTION_ID_STATIC ConnectionCallID: 16800097 CalledPartyDisposition: CD_INVALID ConnectionDeviceID: 420</pre>	<pre>ExpandedCallContxt: <TotalBytes: 161> BACampaign: LoadCamp BACampaignID: BAStatus: DO BAResponse: user.layout: OODefault BAAccountNumber: AC111 BADialedListID: 20779 BABuddyName: John,Doe</pre>`;

/** Outbound step 4: ECC of one variable followed by two ordinary (empty) fields. */
export const FLOW_OUTBOUND_DATA_UPDATE = `<pre> MsgType: CALL_DATA_UPDATE_EVENT NumCTIClients: 0 NumNamedVariables: 1 NumNamedArrays: 0 CallType: CALLTYPE_RESERVATION ConnectionDeviceType: CONNECTION_ID_STATIC ConnectionCallID: 16800096 NewConnectionDeviceType: CONNECTION_ID_STATIC NewConnectionCallID: 16800096 </pre>	<pre> CalledPartyDisposition: CD_INVALID CampaignID: 0 QueryRuleID: 0 ConnectionDeviceID: 4020 NewConnectionDeviceID: 4020 ExpandedCallContxt: <TotalBytes: 20> BResponse: Accept CustomerPhoneNumber: CustomerAccountNumber: </pre>`;

/** Outbound step 7, one field per line, a value wrapped onto the next line. */
export const FLOW_OUTBOUND_PREVIEW = `MsgType: CALL_DATA_UPDATE_EVENT
  NumCTIClients: 0
  NumNamedVariables: 10
  NumNamedArrays: 0
  CallType: CALLTYPE_PREVIEW
  ConnectionDeviceType:
CONNECTION_ID_STATIC
  ConnectionCallID: 16800096
  NewConnectionDeviceType:
CONNECTION_ID_STATIC
  NewConnectionCallID: 16800096
  CalledPartyDisposition: CD_INVALID
  CampaignID: 0
  QueryRuleID: 0
  ConnectionDeviceID: 4020
  NewConnectionDeviceID: 4020
\`\`\`

\`\`\`
ExpandedCallContxt: <TotalBytes: 211>
BACampaign: LoadCamp
BACampaignID: 2
BATimeZone: -00360
BAResponse: Accept
BAStatus: CO
BACustomerNumber: 4022
user.layout: OODefault
BAAccountNumber: AC111
BADialedListID: 20779
BABuddyName: John,Doe
CustomerPhoneNumber:
CustomerAccountNumber:`;

/** Outbound: `MsgType: NAME:` with a stray colon. */
export const FLOW_STRAY_COLON = `<pre>MsgType: CALL_DELIVERED_EVENT: CallID: 16800097 LocalConnectionState: LCS_ALERTIN AlertingDevice: 4020</pre>`;
