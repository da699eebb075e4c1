/** Vietnamese names of trade-promotion event kinds, as the provincial plans write them. */
export const PROMOTION_EVENT_KIND_VI: Readonly<Record<string, string>> = {
  FAIR: 'Hội chợ',
  EXHIBITION: 'Triển lãm',
  HONOUR_EVENT: 'Sự kiện tôn vinh',
  OCOP_WEEK: 'Tuần lễ OCOP',
  SUPPLY_DEMAND_CONFERENCE: 'Hội nghị kết nối cung cầu',
  RURAL_MARKET_SESSION: 'Phiên chợ nông thôn',
  FESTIVAL: 'Lễ hội',
  LIVESTREAM: 'Phiên livestream',
  MARKET_SURVEY_TRIP: 'Chuyến khảo sát thị trường',
  TRADE_CONFERENCE: 'Hội nghị xúc tiến thương mại',
};

/**
 * How a product is labelled where it is shown: OCOP only with a valid certificate; the other categories 950/QĐ-BCT lets
 * a sales point carry are labelled as what they are.
 */
export const SHOWCASE_CATEGORY_VI: Readonly<Record<string, string>> = {
  OCOP: 'Sản phẩm OCOP',
  SPECIALTY: 'Đặc sản địa phương',
  CRAFT_VILLAGE: 'Sản phẩm làng nghề',
  POTENTIAL: 'Sản phẩm tiềm năng OCOP',
};
