// Minutes of a scoring council session.
export { renderMinutesPdf, MINUTES_TITLE, WRITTEN_MINUTES_TITLE } from './minutes/render-minutes';
export type {
  MinutesDocument,
  MinutesMember,
  MinutesResult,
  MinutesDeferred,
  WrittenConsultationMinutes,
} from './minutes/minutes.document';

// OCOP certificate (one page, QR code of the verification link) and the decisions that issue or
// revoke certificates.
export { renderCertificatePdf, CERTIFICATE_TITLE } from './certificate/render-certificate';
export type { CertificateDocument } from './certificate/certificate.document';
export { renderDecisionPdf, DECISION_SUMMARY } from './decision/render-decision';
export type { DecisionDocument, DecisionItem, DecisionRevocation } from './decision/decision.document';
export { qrPng, qrSvg, QR_WIDTH_PX } from './qr';

// A training completion certificate (one page, QR code of its public verification link).
export { renderTrainingCertificatePdf, TRAINING_CERTIFICATE_TITLE } from './training/render-training-certificate';
export type { TrainingCertificateDocument } from './training/training-certificate.document';

// A programme report (a district's or the province's annual one, or ad hoc) as a PDF with a chart and as a workbook.
export { renderReportPdf } from './report/render-report';
export { renderReportXlsx } from './report/render-report-xlsx';
export { vietnameseNumber, progressByUnit, targetLabelVi } from './report/report.document';
export type { ReportDocument, ReportTargetLine } from './report/report.document';

// The base for the documents above and further ones: A4 page, embedded Vietnamese font, national
// heading, tables, signature blocks, dates in Vietnam time.
export { PdfComposer } from './pdf-composer';
export type { ComposerOptions, ImageOptions, NationalHeading, SignatureAside, SignatureBlock, TextStyle } from './pdf-composer';
export type { TableColumn, TableOptions } from './table';
export { vietnamClock, vietnamDate, vietnamNumericDate, vietnamTime, vietnamDateTime, placeDateLine } from './vietnam-time';
export type { VietnamClock } from './vietnam-time';
