/**
 * Session ids across the captures of one run. A session's id is its endpoints and the instance
 * number of its connection in its capture (`10.1.1.5:50311-10.1.1.2:42027#1`).
 *
 * Two captures of the same traffic given together (taken at two capture points, at the client
 * and at the server) would give their sessions the same ids, and `check` would take the two
 * for one session (every request "reused", every answer "twice"). So an id another capture's
 * session holds at the time a session takes it (in timeline time: from the time it was taken
 * to the time that session closed, or still open) is not given again: the instance number is
 * raised until the id is free, and the capture keeps that raise for those endpoints, so its
 * later instances follow it and it never gives an id twice. The next file of a capture split by
 * time (not a ring buffer, whose files are one capture) starts after the sessions of the file
 * before closed at its end: it continues them under the same ids, as before.
 */
import { compareInstants, type Instant } from '../../timeline/instant.js';

/** Ids of closed sessions remembered (captures are read side by side, batch by batch). */
const MAX_REMEMBERED = 65_536;

interface Holder {
  readonly owner: object;
  /** When the session closed (timeline time); undefined while it is open. */
  closedAt: Instant | undefined;
}

export class SessionIds {
  /** Ids taken, in the order taken, with the capture (its owner token) holding each. */
  private readonly held = new Map<string, Holder>();
  /** Per capture, the raise of the instance number for endpoints whose id was taken (only those). */
  private readonly raised = new Map<object, Map<string, number>>();

  /** An id for a session of `owner` (a capture) between `endpoints`, its connection's `instance`, from time `at`. */
  claim(endpoints: string, instance: number, owner: object, at: Instant): string {
    const raises = this.raised.get(owner);
    const kept = raises?.get(endpoints) ?? 0;
    let raise = kept;
    for (;;) {
      const id = `${endpoints}#${instance + raise}`;
      const holder = this.held.get(id);
      if (holder === undefined || holder.owner === owner || (holder.closedAt !== undefined && compareInstants(holder.closedAt, at) < 0)) {
        this.held.delete(id); // taken again: last in the order of forgetting
        this.held.set(id, { owner, closedAt: undefined });
        if (raise !== kept) {
          if (raises === undefined) this.raised.set(owner, new Map([[endpoints, raise]]));
          else raises.set(endpoints, raise);
        }
        this.forget();
        return id;
      }
      raise++;
    }
  }

  /** The session holding `id` for `owner` closed at `at`. */
  release(id: string, owner: object, at: Instant): void {
    const holder = this.held.get(id);
    if (holder !== undefined && holder.owner === owner) holder.closedAt = at;
  }

  /** Past MAX_REMEMBERED ids, the closed ones taken longest ago are forgotten (open ones never). */
  private forget(): void {
    if (this.held.size <= MAX_REMEMBERED) return;
    for (const [id, holder] of this.held) {
      if (this.held.size <= MAX_REMEMBERED / 2) break;
      if (holder.closedAt !== undefined) this.held.delete(id);
    }
  }
}
