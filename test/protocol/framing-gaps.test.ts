/**
 * Manual mutation testing, fourth round (docs/test-gaps.md): the CTI framing rules of
 * src/pipeline/capture/cti-header.ts — which headers are plausible in sync and while searching,
 * which decoded messages a search may trust — at their exact bounds (Table 185, MHDR).
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/protocol/codec/decode.js';
import { MAX_PLAUSIBLE_BODY } from '../../src/protocol/codec/framing.js';
import { allPlans } from '../../src/protocol/codec/plan.js';
import { hasErrors, hasWarnings, isCleanStrict, strictHeaderPlausible, syncHeaderPlausible } from '../../src/pipeline/capture/cti-header.js';
import { appendBody, ascii, bytesOf, floating, rawBytes } from '../check/support.js';

describe('a header read in sync', () => {
  it('takes any BodyLength up to 65535 and any MessageTypeID below 65536', () => {
    expect(MAX_PLAUSIBLE_BODY).toBe(65535);
    expect(syncHeaderPlausible(65535, 5)).toBe(true);
    expect(syncHeaderPlausible(65536, 5)).toBe(false);
    expect(syncHeaderPlausible(0, 0xffff)).toBe(true);
    expect(syncHeaderPlausible(0, 0x10000)).toBe(false);
    expect(syncHeaderPlausible(0, 0xffffffff)).toBe(false);
  });
});

describe('a header found while searching', () => {
  it('takes a type the guide defines, with a BodyLength from its smallest fixed part to its largest body', () => {
    let layoutsDiffer = 0;
    for (const plan of allPlans()) {
      const id = plan.def.id;
      const min = Math.min(...plan.layouts.map((l) => l.length));
      const max = Math.min(plan.maxBody ?? MAX_PLAUSIBLE_BODY, MAX_PLAUSIBLE_BODY);
      if (new Set(plan.layouts.map((l) => l.length)).size > 1) layoutsDiffer++;
      expect([strictHeaderPlausible(min, id), strictHeaderPlausible(max, id)], plan.def.name).toEqual([true, true]);
      if (min > 0) expect(strictHeaderPlausible(min - 1, id), plan.def.name).toBe(false);
      expect(strictHeaderPlausible(max + 1, id), plan.def.name).toBe(false);
    }
    // Some types have older, shorter fixed parts: those count (a version 9 stream is searched too).
    expect(layoutsDiffer).toBeGreaterThan(0);
  });

  it('refuses types the guide does not define, reserved or named only', () => {
    const defined = new Set(allPlans().map((p) => p.def.id));
    for (let id = 0; id < 300; id++) if (!defined.has(id)) expect(strictHeaderPlausible(0, id), String(id)).toBe(false);
  });
});

describe('what a search may trust', () => {
  const clean = decode(bytesOf('HEARTBEAT_CONF', { InvokeID: 1 }));
  // ConnectionDeviceID (FieldDataID 25) without its terminating NUL: a warning.
  const warned = decode(appendBody(bytesOf('BEGIN_CALL_EVENT', { CallID: 5 }), floating(25, ascii('2006'))));
  // A floating field whose FieldDataLength (10) runs past BodyLength: an error, in a plausible header.
  const broken = decode(appendBody(bytesOf('BEGIN_CALL_EVENT', { CallID: 5 }), [25, 10, 0x41, 0x42]));

  it('errors and warnings are told apart', () => {
    expect(clean.diagnostics).toEqual([]);
    expect(warned.diagnostics.map((d) => d.severity)).toContain('warning');
    expect(warned.diagnostics.map((d) => d.severity)).not.toContain('error');
    expect(broken.diagnostics.map((d) => d.severity)).toContain('error');
    expect(strictHeaderPlausible(broken.bodyLength!, broken.typeId!)).toBe(true);
    expect([hasErrors(clean), hasErrors(warned), hasErrors(broken)]).toEqual([false, false, true]);
    expect([hasWarnings(clean), hasWarnings(warned), hasWarnings(broken)]).toEqual([false, true, true]);
  });

  it('a clean message is a defined type, a plausible length, and no error (a warning is allowed)', () => {
    expect([isCleanStrict(clean), isCleanStrict(warned), isCleanStrict(broken)]).toEqual([true, true, false]);
    expect(isCleanStrict(decode(rawBytes(999, [])))).toBe(false);
  });
});
