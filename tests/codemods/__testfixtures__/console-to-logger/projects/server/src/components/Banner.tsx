'use client';

export function Banner({ text }: { text: string }) {
  console.log('render banner');
  return <div>{text}</div>;
}
