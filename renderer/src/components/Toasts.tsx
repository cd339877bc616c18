import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import './components.css';

/** One short message in the corner. */
export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'ok' | 'error';
}

/** What `useToasts()` offers. */
export interface ToastApi {
  /** Shows `text` for a few seconds (errors stay longer). Never pass a secret. */
  show: (text: string, tone?: Toast['tone']) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });

/** Shows short confirmations ("Copied", "Repo removed") from anywhere below it: `useToasts().show(…)`. */
export function useToasts(): ToastApi {
  return useContext(ToastContext);
}

/** Holds the toasts and renders them in a polite live region; wrap the app in it once. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((text: string, tone: Toast['tone'] = 'info') => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-3), { id, text, tone }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), tone === 'error' ? 8000 : 3000);
  }, []);
  const value = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
