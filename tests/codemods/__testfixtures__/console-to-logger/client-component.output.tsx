'use client';

export function Button({ label }: { label: string }) {
  console.log(`render ${label}`);
  return <button onClick={() => console.log('clicked')}>{label}</button>;
}
