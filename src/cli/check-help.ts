/** What `ccxcti check --help` adds, and the option collector: kept apart so that start-up need not load the checker. */
import { DEFAULT_CONFIG_FILE } from '../check/config-file.js';

export const CHECK_HELP = `
Rules: every rule has a stable ID, a default severity and the place in the guide it comes
from (--list-rules). Set levels with --rule ID=off|error|warning|info (repeatable; an ID may
end in * to name a family, e.g. FIELD-*=off), --disable ID, or a JSON configuration file:

  { "failOn": "warning", "rules": { "FIELD-RESERVED-VALUE": "off", "CALL-*": "error" } }

given with --config FILE; without --config, ${DEFAULT_CONFIG_FILE} in the current directory is
read when it exists. The command line wins over the file.

Exit codes: 0 no finding at or above --fail-on (default error); 1 such findings;
2 usage error or an input that cannot be read at all.
`;

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
