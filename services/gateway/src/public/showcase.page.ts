import type { CatalogueProductView } from '@ocop/contracts';
import { vietnamNumericDate } from '@ocop/documents';
import { esc, page } from './verification.page';

const STYLE = `.product h2{font-size:18px;margin:0 0 4px}.meta{color:#555;font-size:14px}ul{margin:6px 0 0;padding-left:20px}
nav{margin-top:16px;display:flex;gap:16px}`;

/** The public catalogue page: the province's products certified today, where to buy them and where they are shown. */
export function renderShowcasePage(
  products: CatalogueProductView[],
  o: { districtName: (code: string | null) => string; previous: string | null; next: string | null; filters: string },
): string {
  const cards = products
    .map((p) => {
      const where = [
        ...p.salesPoints.map((s) => `<li>Điểm bán: ${esc(s.name)} — ${esc(s.address)}</li>`),
        ...p.shops.map((s) => `<li>Cửa hàng: ${s.url ? `<a href="${esc(s.url)}" rel="noopener">${esc(s.name)}</a>` : esc(s.name)}</li>`),
        ...p.upcomingEvents.map((e) => `<li>Sự kiện: ${esc(e.title)} (ngày ${vietnamNumericDate(e.startsAt)})</li>`),
      ];
      return (
        `<div class="card product"><h2>${esc(p.productName)} <span class="stars">${'★'.repeat(p.stars)}</span></h2>` +
        `<div class="meta">${esc(p.producerName)} · ${esc(p.productGroupVi)} · ${esc(o.districtName(p.districtCode))}</div>` +
        `<div class="meta">Giấy chứng nhận còn hiệu lực đến ngày ${vietnamNumericDate(p.validTo)} — <a href="${esc(p.verifyUrl)}">tra cứu</a></div>` +
        (where.length ? `<ul>${where.join('')}</ul>` : '') +
        '</div>'
      );
    })
    .join('');
  const nav =
    o.previous || o.next
      ? `<nav>${o.previous ? `<a href="${esc(o.previous)}">← Trang trước</a>` : ''}${o.next ? `<a href="${esc(o.next)}">Trang sau →</a>` : ''}</nav>`
      : '';
  return page(
    'Sản phẩm OCOP đang được chứng nhận',
    `<h1>Sản phẩm OCOP đang được chứng nhận</h1>${o.filters ? `<p class="meta">${esc(o.filters)}</p>` : ''}` +
      (cards || '<div class="card"><p>Không có sản phẩm phù hợp.</p></div>') +
      nav,
    'Danh mục sản phẩm OCOP',
    STYLE,
  );
}
