// Failed calls and other messages, as dismissable toasts. They fade on their own after a
// while; a repeat of the same message shows a count instead of a new toast.
import { useEffect } from 'react';
import { useServices } from '../app-context';
import type { Notice } from '../store/notices-store';
import { useNotices } from '../store-hooks';

const AUTO_DISMISS_MS = 12_000;

export function Notices() {
  const notices = useNotices((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((notice) => (
        <NoticeToast key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function NoticeToast({ notice }: { notice: Notice }) {
  const { stores } = useServices();
  const dismiss = (): void => stores.notices.getState().dismiss(notice.id);
  // Restarts when the same notice repeats, so a recurring problem stays visible.
  useEffect(() => {
    const timer = setTimeout(() => stores.notices.getState().dismiss(notice.id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.count, stores]);

  return (
    <div className="notice" role="alert" data-testid="notice">
      <div className="notice-text">
        <strong>
          {notice.title}
          {notice.count > 1 && <span className="notice-count"> ×{notice.count}</span>}
        </strong>
        <span>{notice.message}</span>
      </div>
      <button type="button" className="notice-close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
