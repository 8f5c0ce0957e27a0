import { useCallback, useEffect, useRef, useState } from 'react';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The text of a search box whose value lives in the URL: typing pushes it (trimmed) after a short pause,
 * Enter pushes it at once, and a change of the address from outside (back button, "clear filters") shows
 * up in the box.
 */
export function useUrlSearchText(value: string | undefined, push: (q: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  const pushed = useRef(value ?? '');

  useEffect(() => {
    const q = value ?? '';
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [value]);

  useEffect(() => {
    const t = setTimeout(() => {
      const v = text.trim();
      if (v !== pushed.current) {
        pushed.current = v;
        push(v || undefined);
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, push]);

  const submit = useCallback(
    (v: string) => {
      pushed.current = v.trim();
      push(v.trim() || undefined);
    },
    [push],
  );

  return { text, setText, submit };
}
