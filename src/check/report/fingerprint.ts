/**
 * SARIF `partialFingerprints` (SARIF 2.1.0, 3.27.17): what a finding is about, so that a result
 * management system (GitHub code scanning, Azure DevOps) tells the same finding from a new one
 * across runs. Built from the finding alone, never from where it was found:
 *
 *   the rule ID;
 *   the session's endpoints without the client's port: the client's address and the server's
 *     address and port (the ephemeral port and the connection's instance number `#n` change
 *     with every reconnection and every capture of the same traffic); none for log messages;
 *   the message type;
 *   the message's key (message-key.ts: InvokeID, else CallID, else AgentID) and the call the
 *     finding is about;
 *   the occurrence: how many findings before it, in the report's order (the timeline's), have
 *     all of the above the same (0 for the first).
 *
 * Not the file path, the frame, line, index or time, the byte offset, the message text (which
 * quotes file names and times) nor the finding's place in the output: a capture copied to
 * another path, or with unrelated packets before, gives the same fingerprints. The value is the
 * SHA-256 (hex) of those parts as a JSON array; the key, FINGERPRINT_KEY, says which recipe
 * made it, and a new recipe gets a new version (docs/conformance.md, Reports).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../findings.js';

/** The `partialFingerprints` property name: this recipe, version 1 (a versioned hierarchical string, SARIF 3.5.4.2). */
export const FINGERPRINT_KEY = 'ccxcti/v1';

/**
 * A session's endpoints without the client's port: `10.1.1.5>10.1.1.2:42027` for the session
 * `10.1.1.5:50311-10.1.1.2:42027#1` (IPv6 addresses keep their brackets). An id of another
 * shape is kept whole.
 */
export function sessionEndpoints(session: string): string {
  const m = /^(.+):\d+-(.+:\d+)#\d+$/.exec(session);
  return m === null ? session : `${m[1]!}>${m[2]!}`;
}

/** The parts of a finding's identity, without its occurrence. */
function identity(f: Finding): Array<string | number> {
  const at = f.at;
  return [f.rule, at.session === undefined ? '' : sessionEndpoints(at.session), at.type ?? '', at.keyField ?? '', at.key ?? '', f.call ?? ''];
}

/**
 * The fingerprint of each finding, in the order given (the report's: timeline order). Every
 * finding kept counts for the occurrences, also those a report then leaves out.
 */
export function findingFingerprints(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of findings) {
    const parts = identity(f);
    const same = JSON.stringify(parts);
    const occurrence = seen.get(same) ?? 0;
    seen.set(same, occurrence + 1);
    out.set(f, createHash('sha256').update(JSON.stringify([...parts, occurrence])).digest('hex'));
  }
  return out;
}
