/** Every rule implementation, in catalog order (framing, session, requests, configuration, calls, agents, outbound). */
import type { RuleImpl } from '../rule.js';
import { agentLogoutWhileTalking, agentSetStateValue, agentStateTransition, agentStateValue } from './agents/states.js';
import { callBeginNotFirst, callDeliveredAfterEstablished, callDeliveredAfterMerge, callEventAfterEnd } from './calls/order.js';
import { callClearedWithConnections, callLcsInconsistent } from './calls/state.js';
import {
  configBlockUnbalanced,
  configKeysUnrequested,
  configPartialStatus,
  configRecordOutsideBlock,
  configRequestBeforeKeys,
  configRequestWhileOffline,
  configRetryTooSoon,
  configTeamEventUnrequested,
  configUploadIncomplete,
} from './configuration/exchange.js';
import { captureFileDamaged, captureIncomplete, logIncomplete } from './framing/input-incomplete.js';
import { logRecordsRepeated } from './framing/input-repeated.js';
import { decoderDiagnostics } from './framing/decoder-diagnostics.js';
import { msgWrongDirection } from './framing/direction.js';
import { recordLimits } from './framing/limits.js';
import { outboundReservationNotCleared } from './outbound/reservation.js';
import { outboundBAResponsePhase, outboundBAResponseValue, outboundBAStatusValue } from './outbound/variables.js';
import { requestConfirmations, requestInvokeIdReused, requestUnanswered } from './requests/pairing.js';
import {
  sessionHeartbeatIntervalMax,
  sessionHeartbeatIntervalMin,
  sessionHeartbeats,
  sessionIdleTimeoutHeartbeat,
  sessionServerHeartbeat,
} from './session/heartbeat.js';
import { sessionClientSilent, sessionCloseUnanswered, sessionNotReset } from './session/lifecycle.js';
import { sessionConfigWithoutService, sessionEventMasked, sessionTeamWithoutSupervisor } from './session/masks.js';
import { sessionAgentModeIdentity, sessionBridgeModeAgentFields, sessionModeExclusive, sessionServicesGranted } from './session/modes.js';
import { sessionIdleTimeoutRange, sessionOpenNotFirst, sessionOpenRepeated, sessionOpenRetryTooSoon, sessionVersion } from './session/open.js';

export const RULE_IMPLS: readonly RuleImpl[] = [
  decoderDiagnostics,
  recordLimits,
  msgWrongDirection,
  captureIncomplete,
  captureFileDamaged,
  logIncomplete,
  logRecordsRepeated,
  sessionOpenNotFirst,
  sessionOpenRepeated,
  sessionVersion,
  sessionIdleTimeoutRange,
  sessionIdleTimeoutHeartbeat,
  sessionHeartbeatIntervalMax,
  sessionHeartbeatIntervalMin,
  sessionHeartbeats,
  sessionServerHeartbeat,
  sessionClientSilent,
  sessionCloseUnanswered,
  sessionNotReset,
  sessionOpenRetryTooSoon,
  sessionModeExclusive,
  sessionAgentModeIdentity,
  sessionBridgeModeAgentFields,
  sessionServicesGranted,
  sessionEventMasked,
  sessionConfigWithoutService,
  sessionTeamWithoutSupervisor,
  requestUnanswered,
  requestConfirmations,
  requestInvokeIdReused,
  configRequestBeforeKeys,
  configKeysUnrequested,
  configRecordOutsideBlock,
  configBlockUnbalanced,
  configPartialStatus,
  configUploadIncomplete,
  configRetryTooSoon,
  configRequestWhileOffline,
  configTeamEventUnrequested,
  callBeginNotFirst,
  callEventAfterEnd,
  callDeliveredAfterEstablished,
  callDeliveredAfterMerge,
  callLcsInconsistent,
  callClearedWithConnections,
  agentStateValue,
  agentSetStateValue,
  agentStateTransition,
  agentLogoutWhileTalking,
  outboundBAStatusValue,
  outboundBAResponseValue,
  outboundBAResponsePhase,
  outboundReservationNotCleared,
];
