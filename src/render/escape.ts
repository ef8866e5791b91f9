/**
 * Escaping of strings that come from inputs (captures, logs) before they reach a terminal
 * or an HTML page: a capture must not be able to drive the user's terminal or inject markup.
 */

/** The characters of UNSAFE_CLASS beyond the C0 controls (JSON.stringify escapes those itself). */
const UNSAFE_BEYOND_C0 = '\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\u200b-\\u200f\\ufeff';
/**
 * Characters a terminal interprets or that disguise text: C0 controls, DEL, C1 controls,
 * line/paragraph separators, bidirectional overrides and isolates, zero-width marks.
 */
const UNSAFE_CLASS = new RegExp(`[\\u0000-\\u001f${UNSAFE_BEYOND_C0}]`);
/** The characters above, for `replace` (global). */
export const UNSAFE_FOR_TERMINAL = new RegExp(UNSAFE_CLASS.source, 'g');

/** Whether `c` (one character) is one a terminal interprets or that disguises text. */
export function isTerminalUnsafe(c: string): boolean {
  return UNSAFE_CLASS.test(c);
}

/** `c` as a `\uXXXX` escape (the same in JSON and in the tool's text escapes). */
function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return unicodeEscape(c);
  }
}

/** The string with every terminal-unsafe character written as an escape; `\` doubled. */
export function escapeForTerminal(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(UNSAFE_FOR_TERMINAL, escapeChar);
}

/** A string value shown in text output: quoted and escaped. */
export function quoteForTerminal(s: string): string {
  return `"${escapeForTerminal(s).replace(/"/g, '\\"')}"`;
}

/**
 * What JSON.stringify leaves raw of the characters above (it escapes C0 controls, `"` and `\`
 * only): DEL, C1 controls, line/paragraph separators, bidirectional controls, zero-width marks.
 */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_BEYOND_C0}]`, 'g');

/**
 * JSON text (JSON.stringify's) with the terminal-unsafe characters it leaves raw written as
 * `\uXXXX` escapes: the same JSON value, and a JSON output printed on a terminal cannot drive
 * it. Such a character can only be inside a string literal, where the escape means the same.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, unicodeEscape);
}

/** JSON.stringify(value, null, indent), with escapeJsonText: every JSON output of the tool is written so. */
export function jsonText(value: unknown, indent?: number): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeForHtml(s: string): string {
  return escapeForTerminal(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
