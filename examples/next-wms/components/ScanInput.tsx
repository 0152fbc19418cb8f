'use client';

import { useEffect, useRef, useState } from 'react';

export function ScanInput({ onScan }: { onScan: (code: string) => void }) {
  const [code, setCode] = useState('');
  const [online, setOnline] = useState(true);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const interval = setInterval(() => inputRef.current?.focus(), 1_000);
  }, []);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onScan(code);
        setCode('');
      }}
    >
      <input ref={inputRef} value={code} onChange={(event) => setCode(event.target.value)} disabled={!online} />
    </form>
  );
}
