import DOMPurify from 'dompurify';
import { marked } from 'marked';

interface AnswerProps {
  markdown: string;
  citationsHtml: string;
}

export function Answer({ markdown, citationsHtml }: AnswerProps) {
  const html = DOMPurify.sanitize(marked.parse(markdown, { async: false }));
  return (
    <article className="answer">
      <div dangerouslySetInnerHTML={{ __html: html }} />
      <footer dangerouslySetInnerHTML={{ __html: citationsHtml }} />
    </article>
  );
}

export function highlightSource(container: HTMLElement, snippet: string): void {
  container.textContent = '';
  const mark = document.createElement('mark');
  mark.textContent = snippet;
  container.append(mark);
}
