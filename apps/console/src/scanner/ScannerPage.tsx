import { useCallback, useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import { verifyCertificateQr, type OfflineVerification } from '@ocop/verification';
import { loadTrustStore, refreshTrustStore, type TrustStore } from './trust-store';
import { vnDate, vnDateTime } from '../format';

interface Live {
  status: string;
  statusVi: string;
}

type Verdict = { result: OfflineVerification; ms: number; revokedOffline: boolean; live: Live | null; offline: boolean };

const REASON_VI: Record<string, string> = {
  NOT_AN_OCOP_QR: 'Đây không phải mã QR của giấy chứng nhận OCOP.',
  SIGNATURE_INVALID: 'Chữ ký số không hợp lệ: mã QR đã bị sửa đổi hoặc giả mạo.',
  UNKNOWN_KEY: 'Mã QR được ký bằng khóa không có trong danh sách tin cậy.',
  CODE_MISMATCH: 'Nội dung mã QR không khớp với mã giấy chứng nhận.',
};

/** Reads a QR code from an image (a photo, or a frame of the camera). */
function decodeImage(source: CanvasImageSource, width: number, height: number): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, width, height);
  const data = ctx.getImageData(0, 0, width, height);
  return jsQR(data.data, width, height)?.data ?? null;
}

/**
 * The consumer's scanner (no login): the QR of a package is read from the camera or a photo, its Ed25519 signature
 * checked in the browser against the cached trust list (offline too), then the live status asked when online.
 */
export function ScannerPage() {
  const [store, setStore] = useState<TrustStore | null>(() => loadTrustStore());
  const [online, setOnline] = useState(navigator.onLine);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    void refreshTrustStore().then(setStore);
    const on = () => {
      setOnline(true);
      void refreshTrustStore().then(setStore);
    };
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);

  const check = useCallback(
    async (qr: string) => {
      const trust = store ?? loadTrustStore();
      if (!trust) return;
      const started = performance.now();
      const result = await verifyCertificateQr(qr, trust.keys);
      const revokedOffline = result.ok && trust.revoked.some((r) => r.c === result.code);
      const ms = performance.now() - started;
      const offline = !navigator.onLine;
      setVerdict({ result, ms, revokedOffline, live: null, offline });
      if (!result.ok || offline) return;
      try {
        const url = new URL(qr);
        const res = await fetch(`/api/public/certificates/${result.code}?s=${encodeURIComponent(url.searchParams.get('s') ?? '')}`);
        if (res.ok) {
          const live = (await res.json()) as Live;
          setVerdict({ result, ms, revokedOffline, live, offline: false });
        }
      } catch {
        setVerdict({ result, ms, revokedOffline, live: null, offline: true });
      }
    },
    [store],
  );

  const fromFile = async (file: File) => {
    const bitmap = await createImageBitmap(file);
    const qr = decodeImage(bitmap, bitmap.width, bitmap.height);
    if (qr) void check(qr);
    else
      setVerdict({ result: { ok: false, reason: 'NOT_AN_OCOP_QR' }, ms: 0, revokedOffline: false, live: null, offline: !navigator.onLine });
  };

  const startCamera = async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    const v = video.current;
    if (!v) return;
    v.srcObject = stream;
    await v.play();
    setScanning(true);
    const tick = () => {
      if (!v.srcObject) return;
      const qr = v.videoWidth ? decodeImage(v, v.videoWidth, v.videoHeight) : null;
      if (qr) {
        stream.getTracks().forEach((t) => t.stop());
        v.srcObject = null;
        setScanning(false);
        void check(qr);
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };

  return (
    <section aria-labelledby="scan-title">
      <h1 id="scan-title">Kiểm tra sản phẩm OCOP</h1>
      <p>Quét mã QR trên bao bì để biết sản phẩm có đúng là sản phẩm OCOP và số sao được công nhận hay không.</p>
      <p id="connection" className={online ? 'note' : 'note warn'}>
        {online
          ? 'Đang trực tuyến: chữ ký được kiểm tra ngay trên máy, trạng thái được tra cứu trực tiếp.'
          : `Đang ngoại tuyến: chỉ kiểm tra chữ ký số trên máy. ${
              store?.revokedFetchedAt
                ? `Danh sách thu hồi cập nhật lúc ${vnDateTime(store.revokedFetchedAt)}.`
                : 'Chưa có danh sách thu hồi.'
            }`}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void startCamera()} disabled={scanning}>
          Quét bằng camera
        </button>
        <label className="button">
          Chọn ảnh mã QR
          <input type="file" accept="image/*" id="qr-image" onChange={(e) => e.target.files?.[0] && void fromFile(e.target.files[0])} />
        </label>
      </div>
      <video ref={video} className={scanning ? 'camera' : 'camera hidden'} muted playsInline aria-label="Hình ảnh camera" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void check(text.trim());
        }}
      >
        <label htmlFor="qr-text">Hoặc dán nội dung mã QR</label>
        <input id="qr-text" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        <button type="submit">Kiểm tra</button>
      </form>
      <div aria-live="polite" className="verdict-slot">
        {verdict && <VerdictCard v={verdict} />}
      </div>
    </section>
  );
}

function VerdictCard({ v }: { v: Verdict }) {
  if (!v.result.ok)
    return (
      <div id="verdict" className="card bad" data-verdict="INVALID" data-ms={v.ms.toFixed(1)}>
        <h2>Không hợp lệ</h2>
        <p>{REASON_VI[v.result.reason]}</p>
      </div>
    );
  const c = v.result.claims;
  const status = v.live?.status ?? (v.revokedOffline ? 'REVOKED' : 'SIGNED');
  const good = status === 'ACTIVE' || status === 'EXPIRING' || status === 'SIGNED';
  return (
    <div id="verdict" className={good ? 'card good' : 'card bad'} data-verdict={status} data-ms={v.ms.toFixed(1)}>
      <h2>
        {v.live?.statusVi ?? (v.revokedOffline ? 'Đã bị thu hồi (theo danh sách đã lưu)' : 'Chữ ký số hợp lệ')}{' '}
        <span aria-label={`${c.s} sao`}>{'★'.repeat(c.s)}</span>
      </h2>
      <dl>
        <dt>Sản phẩm</dt>
        <dd>{c.p}</dd>
        <dt>Chủ thể</dt>
        <dd>{c.h}</dd>
        <dt>Số giấy chứng nhận</dt>
        <dd>{c.n}</dd>
        <dt>Hiệu lực</dt>
        <dd>
          Từ ngày {vnDate(c.f)} đến ngày {vnDate(c.t)}
        </dd>
      </dl>
      {v.offline && <p className="note warn">Kết quả kiểm tra ngoại tuyến: chưa tra cứu được trạng thái hiện tại.</p>}
      <p>
        <a href={`/verify/${v.result.code}#complaint`}>Phản ánh về sản phẩm này</a>
      </p>
    </div>
  );
}
