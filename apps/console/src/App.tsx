import { useEffect, useRef, useState } from 'react';
import { SESSION_EVENT, session } from './api/client';
import { ScannerPage } from './scanner/ScannerPage';
import { LoginPage } from './login/LoginPage';
import { DossiersPage } from './dossiers/DossiersPage';
import { DossierPage } from './dossiers/DossierPage';
import { SessionsPage } from './scoring/SessionsPage';
import { SessionPage } from './scoring/SessionPage';
import { ScoringPage } from './scoring/ScoringPage';
import { CertificatesPage } from './certificates/CertificatesPage';

const route = () => window.location.hash.replace(/^#/, '') || '/scan';

/** Hash routes (the gateway serves one file): the scanner is public; the rest needs a login. */
export function App() {
  const [path, setPath] = useState(route);
  const [sessionChanges, setSessionChanges] = useState(0);
  useEffect(() => {
    const onRoute = () => setPath(route());
    const onSession = () => setSessionChanges((n) => n + 1);
    window.addEventListener('hashchange', onRoute);
    window.addEventListener(SESSION_EVENT, onSession);
    return () => {
      window.removeEventListener('hashchange', onRoute);
      window.removeEventListener(SESSION_EVENT, onSession);
    };
  }, []);
  // A new screen (a route, or signing in or out) takes the focus to its heading once it is on the page: screen readers
  // announce it, and the keyboard goes on from there. Not on the first load, where the first Tab reaches the skip link.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (!h1) return;
    h1.tabIndex = -1;
    h1.focus();
    window.scrollTo(0, 0);
  }, [path, sessionChanges]);
  const [name, query] = path.split('?') as [string, string | undefined];
  const signedIn = session.token() !== null;
  let page;
  if (name === '/scan') page = <ScannerPage />;
  else if (name === '/login') page = <LoginPage next={new URLSearchParams(query).get('next') ?? '#/dossiers'} />;
  else if (!signedIn) page = <LoginPage next={`#${path}`} />;
  else if (name === '/sessions') page = <SessionsPage />;
  else if (name === '/certificates') page = <CertificatesPage />;
  else if (/^\/sessions\/[^/]+\/score\/[^/]+$/.test(name)) {
    const [, , sessionId, , evaluationId] = name.split('/') as [string, string, string, string, string];
    page = <ScoringPage sessionId={sessionId} evaluationId={evaluationId} />;
  } else if (/^\/sessions\/[^/]+$/.test(name)) page = <SessionPage id={name.split('/')[2]!} />;
  else if (/^\/dossiers\/[^/]+$/.test(name)) page = <DossierPage id={name.split('/')[2]!} />;
  else page = <DossiersPage />;
  return (
    <>
      <header>
        <a href="#main" className="skip">
          Bỏ qua, đến nội dung chính
        </a>
        <nav aria-label="Chính">
          <a href="#/scan">Kiểm tra sản phẩm</a>
          <a href="#/dossiers">Hồ sơ</a>
          <a href="#/sessions">Phiên đánh giá</a>
          <a href="#/certificates">Giấy chứng nhận</a>
          {signedIn ? (
            <button
              type="button"
              onClick={() => {
                session.clear();
                window.location.hash = '#/login';
              }}
            >
              Đăng xuất
            </button>
          ) : (
            <a href="#/login">Đăng nhập</a>
          )}
        </nav>
      </header>
      <main id="main">{page}</main>
    </>
  );
}
