export {
  HistoryFileError,
  HistoryRowGrammar,
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
} from './history-row-grammar';
export type { HistoryRow, HistoryRowContext, HistoryRowError } from './history-row-grammar';
