/**
 * The railroad diagram of the ICD_CTI trace grammar (`grammar/diagram.html`).
 *
 * Generated from the parser's own productions, so it cannot drift from the code as long as
 * the file is regenerated (`node dist/grammar/write-diagram.js`); a test fails when it is stale.
 */
import { createSyntaxDiagramsCode } from 'chevrotain';
import { getCtiTraceParser } from './cti-trace-parser.js';

/** Path of the diagram relative to the project root. */
export const DIAGRAM_FILE = 'grammar/diagram.html';

/** The diagram's HTML, exactly as it must be stored in `grammar/diagram.html`. */
export function generateDiagramHtml(): string {
  return createSyntaxDiagramsCode(getCtiTraceParser().getSerializedGastProductions());
}
