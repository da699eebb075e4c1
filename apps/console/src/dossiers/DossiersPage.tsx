import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, currentUser, isProblem } from '../api/client';
import { vnDate } from '../format';

/** The dossiers in the user's scope (the API decides which): the first screen after login. */
/** A producer opens a NEW dossier for one of its products. */
function NewDossier({ producerId }: { producerId: string }) {
  const [productId, setProductId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const products = useQuery({
    queryKey: ['products', producerId],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/producers/{id}/products', { params: { path: { id: producerId } } });
      if (error) throw error;
      return data;
    },
  });
  const create = async () => {
    const { data, error: e } = await api.POST('/api/dossiers', { body: { productId, kind: 'NEW' } });
    if (data) window.location.hash = `#/dossiers/${data.id}`;
    else setError(isProblem(e) ? (e.detail ?? e.code) : 'Không tạo được hồ sơ.');
  };
  return (
    <form
      id="new-dossier"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label htmlFor="product">Sản phẩm</label>
      <select id="product" value={productId} onChange={(e) => setProductId(e.target.value)}>
        <option value="">— Chọn sản phẩm —</option>
        {products.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={!productId}>
        Tạo hồ sơ đăng ký mới
      </button>
    </form>
  );
}

export function DossiersPage() {
  const producerId = currentUser()?.producerId ?? null;
  const q = useQuery({
    queryKey: ['dossiers'],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/dossiers', { params: { query: { limit: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  return (
    <section aria-labelledby="dossiers-title">
      <h1 id="dossiers-title">Hồ sơ sản phẩm</h1>
      {producerId && <NewDossier producerId={producerId} />}
      {q.isPending && <p aria-busy="true">Đang tải…</p>}
      {q.isError && <p className="error">Không tải được danh sách hồ sơ.</p>}
      {q.data && (
        <table>
          <caption>{q.data.length} hồ sơ trong phạm vi của bạn</caption>
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Loại</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Ngày tạo</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`#/dossiers/${d.id}`}>{d.code}</a>
                </td>
                <td>{d.kind}</td>
                <td>{d.status}</td>
                <td>{vnDate(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
