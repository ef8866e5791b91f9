/** `ccxcti messages [NAME|ID]`: the message table as documentation. */
import { DIAGNOSTIC_CODES } from '../../protocol/codec/diagnostics.js';
import { constantTable, CONSTANT_TABLES } from '../../protocol/constants.js';
import { MESSAGE_DEFS, messageDefById, messageDefByName, UNDEFINED_MESSAGE_DEFS, undefinedMessageById, undefinedMessageByName } from '../../protocol/messages/index.js';
import {
  constantTableListText,
  constantTableText,
  diagnosticCodesText,
  messageDefinitionText,
  messageListText,
  undefinedDefinitionText,
} from '../../render/definition-text.js';
import { openOutput, UsageError, type CliIo } from '../io.js';
import { formatOption } from '../options.js';

export interface MessagesOptions {
  readonly format?: string;
  readonly output?: string;
  readonly diagnostics?: boolean;
  readonly constants?: boolean;
}

export async function messagesCommand(which: string | undefined, options: MessagesOptions, io: CliIo): Promise<number> {
  const out = openOutput(io, options.output);
  const format = formatOption(options.format, ['text', 'json'], 'text');
  const emit = (text: string, json: unknown): void => out.write(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
  if (options.diagnostics) {
    emit(diagnosticCodesText(), DIAGNOSTIC_CODES);
  } else if (options.constants && which === undefined) {
    emit(constantTableListText(), CONSTANT_TABLES);
  } else if (which === undefined) {
    emit(messageListText(), { messages: MESSAGE_DEFS, undefinedMessages: UNDEFINED_MESSAGE_DEFS });
  } else {
    const id = /^\d+$/.test(which) ? Number(which) : undefined;
    const upper = which.toUpperCase();
    const def = id !== undefined ? messageDefById(id) : messageDefByName(upper);
    const undefinedDef = id !== undefined ? undefinedMessageById(id) : undefinedMessageByName(upper);
    const table = constantTable(which);
    if (def) emit(messageDefinitionText(def), def);
    else if (undefinedDef) emit(undefinedDefinitionText(undefinedDef), undefinedDef);
    else if (table) emit(constantTableText(table), table);
    else throw new UsageError(`messages: no message type or constant table ${JSON.stringify(which)} (try \`ccxcti messages\` or \`ccxcti messages --constants\`)`);
  }
  await out.close();
  return 0;
}
