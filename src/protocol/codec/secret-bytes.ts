/**
 * Which undecoded bytes may be shown without `--show-secrets`. The decoder redacts the
 * secret fields it places (ClientPassword, AgentPassword: `def.secret`); bytes it cannot
 * place — the body of a message of an unknown, reserved or undefined type, a body not decoded
 * (absurd BodyLength), what is left after a floating field that runs past the body — are shown
 * as hex, and a password can be among them. They are withheld when the message is of a type
 * that carries a secret, or when they read as floating fields one of which has a secret's
 * FieldDataID (2 or 49, Table 188 — global: an unknown message would use the same IDs).
 */
import { SECRET_FIELD_IDS, SECRET_MESSAGE_IDS } from '../messages/index.js';

/**
 * Whether `b[start, end)` reads, from some position, as a chain of floating fields
 * (FieldDataID, FieldDataLength, data) that ends at `end` — or, when the bytes are `cut`
 * short of the body, whose last field runs past it — with a non-empty field of a secret's
 * FieldDataID among them. Linear: from the end back, each position is known to chain to the
 * end or not.
 */
export function mayHoldSecretField(b: Uint8Array, start: number, end: number, cut = false): boolean {
  if (end - start < 3) return false;
  // chains[p - start]: the fields from p chain to the end (or into the cut at it).
  const chains = new Uint8Array(end - start + 1);
  chains[end - start] = 1;
  for (let p = end - 2; p >= start; p--) {
    const next = p + 2 + b[p + 1]!;
    if (next > end ? !cut : chains[next - start] === 0) continue;
    if (SECRET_FIELD_IDS.has(b[p]!) && b[p + 1]! > 0) return true;
    chains[p - start] = 1;
  }
  return false;
}

/** Whether undecoded bytes of a message of `typeId` are withheld (see the module comment). */
export function withholdBytes(typeId: number, b: Uint8Array, start: number, end: number, cut: boolean, showSecrets: boolean | undefined): boolean {
  if (showSecrets === true) return false;
  return SECRET_MESSAGE_IDS.has(typeId) || mayHoldSecretField(b, start, end, cut);
}

/** What the diagnostic says of a body withheld (after "the body is"). */
export const WITHHELD = 'not shown: it may hold a ClientPassword or AgentPassword (--show-secrets shows it)';
