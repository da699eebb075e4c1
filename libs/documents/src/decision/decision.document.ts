// What a decision (quyết định) of the OCOP programme prints: recognising the products certified
// at a council session, or revoking one certificate. Strings ending in Vi are Vietnamese text
// shown as given; instants are ISO strings printed in Vietnam time.

export interface DecisionItem {
  /** '38-2026-0001/GCN-OCOP'. */
  certificateNumber: string;
  productName: string;
  productSetCode: string;
  producerName: string;
  stars: number;
  /** ISO instant; a date at 00:00Z stands for that Vietnam calendar day. */
  validTo: string;
  /** Scored against provisional criteria: marked (*) in the list, explained by the decision's provisionalNoteVi. */
  provisionalCriteria?: boolean;
}

export interface DecisionRevocation {
  /** The decision that recognised the product: '12/QĐ-UBND'. */
  originalDecisionReference: string;
  /** ISO instant. */
  originalDecisionDate: string;
  /** Machine code of the reason, printed in parentheses after reasonVi. */
  reasonCode: string;
  reasonVi: string;
  /** ISO instant: the certificate is returned and the OCOP mark dropped from packaging before this day. */
  returnDeadline: string;
}

export interface DecisionDocument {
  kind: 'ISSUE' | 'REVOKE';
  /** '12/QĐ-UBND'. */
  reference: string;
  /** Governing body (cơ quan chủ quản): 'UBND TỈNH THANH HÓA'. */
  authorityVi: string;
  /** Issuing body: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA'. */
  issuerVi: string;
  /** Place of the date line: 'Thanh Hóa'. */
  placeVi: string;
  /** ISO instant of signing; also the PDF dates. */
  date: string;
  /**
   * Legal grounds, each printed as its own italic line ending in ';' (the last in '.'). A line
   * that does not open with 'Căn cứ' or 'Theo đề nghị' gets 'Căn cứ ' in front.
   */
  legalBasisVi: string[];
  /** ISSUE: the certified products (one decision per council session); REVOKE: exactly one item. */
  items: DecisionItem[];
  /** REVOKE only. */
  revocation?: DecisionRevocation;
  /** Capacity lines of the signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']. */
  signerTitleLines: string[];
  /** Null leaves the space for a handwritten name. */
  signerName: string | null;
  /** Printed as its own article when some items were scored against provisional criteria. */
  provisionalNoteVi?: string;
}
