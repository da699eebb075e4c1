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

/** The locations 950/QĐ-BCT accepts for an OCOP introduction and sales point (criterion 1: one of them). */
export const SALES_POINT_LOCATION_VI: Readonly<Record<string, string>> = {
  TRANSPORT_HUB: 'Nhà ga, sân bay, bến xe, bến cảng',
  ROADSIDE_STOP: 'Trạm dừng nghỉ trên đường cao tốc, quốc lộ',
  RETAIL_CENTRE: 'Trung tâm thương mại, siêu thị, chợ',
  TOURISM_HOSPITALITY: 'Khu du lịch, nhà hàng, khách sạn',
  CRAFT_VILLAGE: 'Làng nghề, làng nghề truyền thống',
  COMMERCIAL_CENTRE: 'Trung tâm thương mại dịch vụ huyện, xã; khu, cụm công nghiệp',
  EXHIBITION_CENTRE: 'Trung tâm hội chợ, triển lãm, giới thiệu sản phẩm',
  POST_OFFICE: 'Bưu cục, điểm bưu điện văn hóa xã',
};

/**
 * How a product is labelled where it is shown: OCOP only with a valid certificate; the other categories 950/QĐ-BCT lets
 * a sales point carry are labelled as what they are.
 */
export const SHOWCASE_CATEGORY_VI: Readonly<Record<string, string>> = {
  OCOP: 'Sản phẩm OCOP',
  KEY_PRODUCT: 'Sản phẩm chủ lực của tỉnh',
  TYPICAL_RURAL: 'Sản phẩm công nghiệp, nông nghiệp nông thôn tiêu biểu',
  SPECIALTY: 'Đặc sản địa phương',
  CRAFT_VILLAGE: 'Sản phẩm làng nghề',
  POTENTIAL: 'Sản phẩm tiềm năng OCOP',
};
