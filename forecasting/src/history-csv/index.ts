export {
  HistoryFileError,
  HistoryRowGrammar,
  OPTIONAL_COLUMNS,
  QUALITY_COLUMNS,
  REQUIRED_COLUMNS,
} from './history-row-grammar';
export type { HistoryQuality, HistoryRow, HistoryRowContext, HistoryRowError } from './history-row-grammar';
