// Minutes of a scoring council session.
export { renderMinutesPdf, MINUTES_TITLE } from './minutes/render-minutes';
export type { MinutesDocument, MinutesMember, MinutesResult, MinutesDeferred } from './minutes/minutes.document';

// The base for further documents (certificates): A4 page, embedded Vietnamese font, national
// heading, tables, signature blocks, dates in Vietnam time.
export { PdfComposer } from './pdf-composer';
export type { ComposerOptions, NationalHeading, SignatureBlock, TextStyle } from './pdf-composer';
export type { TableColumn, TableOptions } from './table';
export { vietnamClock, vietnamDate, vietnamTime, vietnamDateTime, placeDateLine } from './vietnam-time';
export type { VietnamClock } from './vietnam-time';
