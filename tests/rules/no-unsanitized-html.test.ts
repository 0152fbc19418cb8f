import rule from '../../src/rules/no-unsanitized-html.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-unsanitized-html', rule, {
  valid: [
    // The seed's fix: AI output through DOMPurify (isomorphic-dompurify) before it is rendered.
    {
      code: `
import DOMPurify from 'isomorphic-dompurify';
export function Article({ block }: Props) {
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(block.content || '') }} />;
}
`,
      filename: 'Article.tsx',
    },
    // Sanitized into a local first, under any import name; through useMemo.
    {
      code: `
import purifier from 'dompurify';
import { marked } from 'marked';
export function Answer({ markdown, html }: Props) {
  const clean = purifier.sanitize(marked.parse(markdown));
  const memo = useMemo(() => purifier.sanitize(html), [html]);
  return <><div dangerouslySetInnerHTML={{ __html: clean }} /><p dangerouslySetInnerHTML={{ __html: memo }} /></>;
}
`,
      filename: 'Answer.tsx',
    },
    // sanitize-html, xss and escape-html under local names; a DOMPurify instance for a window.
    `
import clean from 'sanitize-html';
import { filterXSS as strip } from 'xss';
import createDOMPurify from 'dompurify';
const esc = require('escape-html');
const purify = createDOMPurify(window);
el.innerHTML = clean(input);
el.outerHTML = strip(input);
el.insertAdjacentHTML('beforeend', esc(input));
el.innerHTML = purify.sanitize(input);
`,
    // Constants, empty strings, numbers, other elements' markup.
    `
const TEMPLATE = '<li class="item"></li>';
el.innerHTML = '';
el.innerHTML = TEMPLATE;
el.innerHTML = \`<span class="count">\${items.length}</span> items, \${total.toFixed(2)} €\`;
list.innerHTML = template.innerHTML;
`,
    // Imported assets and constant tables; React's escaping server renderer; a Trusted Types policy.
    `
import closeIcon from './close.svg?raw';
import { renderToStaticMarkup } from 'react-dom/server';
const ICONS = { close: '<svg class="close"></svg>', open: '<svg class="open"></svg>' };
button.innerHTML = closeIcon;
button.innerHTML = ICONS[state];
preview.innerHTML = renderToStaticMarkup(element);
frame.innerHTML = policy.createHTML(markup);
`,
    // textContent and reads of innerHTML are not HTML writes; a plain object's innerHTML key neither.
    `
el.textContent = userInput;
const markup = el.innerHTML;
const props = { innerHTML: userInput };
node.innerText = userInput;
`,
    // Escaped pieces joined into markup; a string built only from escaped parts.
    `
el.innerHTML = items.map((item) => \`<li>\${escapeHtml(item.name)}</li>\`).join('');
let html = '<ul>';
for (const item of items) html += '<li>' + escapeHtml(item) + '</li>';
el.innerHTML = html;
`,
    // JSON-LD: constant data, or data with \`<\` escaped.
    {
      code: `
export function Seo({ data }: Props) {
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify({ '@context': 'https://schema.org' }) }} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\\\u003c') }} />
    </>
  );
}
`,
      filename: 'Seo.tsx',
    },
    // A local \`document\` and a \`write\` method on something else.
    `
function render(document: PdfDocument, text: string) {
  document.write(text);
  stream.write(text);
}
`,
    // Names that say the value is safe, and sanitizers given in options.
    {
      code: `
el.innerHTML = safeHtml;
el.innerHTML = markdown.renderSafe(input);
el.innerHTML = toTrustedMarkup(input);
`,
      options: [{ sanitizers: ['markdown.renderSafe', 'toTrustedMarkup'] }],
    },
    // A component prop called dangerouslySetInnerHTML with an object we cannot see: nothing to judge.
    {
      code: `const el = <div dangerouslySetInnerHTML={props.markup} />;`,
      filename: 'x.tsx',
    },
    // A sanitized record's fields.
    `
const sanitizedBlock = sanitizeBlock(block);
el.innerHTML = sanitizedBlock.content;
`,
    // Conditional between sanitized and constant.
    {
      code: `
import DOMPurify from 'dompurify';
const C = ({ html }) => <div dangerouslySetInnerHTML={{ __html: html ? DOMPurify.sanitize(html) : '<em>empty</em>' }} />;
`,
      filename: 'c.jsx',
    },
  ],
  invalid: [
    {
      // The example app: citations rendered as HTML without a sanitizer (the import is there).
      code: `
import DOMPurify from 'dompurify';
export function Answer({ citationsHtml }: Props) {
  return <footer dangerouslySetInnerHTML={{ __html: citationsHtml }} />;
}
`,
      filename: 'Answer.tsx',
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 4,
          column: 53,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'wrapInSanitizer',
              output: `
import DOMPurify from 'dompurify';
export function Answer({ citationsHtml }: Props) {
  return <footer dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(citationsHtml) }} />;
}
`,
            },
          ],
        },
      ],
    },
    {
      // No DOMPurify yet: the suggestion adds the import after the last one.
      code: `
import React from 'react';
export const Message = ({ text }) => <p dangerouslySetInnerHTML={{ __html: text }} />;
`,
      filename: 'Message.tsx',
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 3,
          column: 76,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'wrapInSanitizer',
              output: `
import React from 'react';
import DOMPurify from 'dompurify';
export const Message = ({ text }) => <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(text) }} />;
`,
            },
          ],
        },
      ],
    },
    {
      // A markup object kept in a variable; a shorthand __html.
      code: `
import purify from 'isomorphic-dompurify';
function Block({ __html, body }) {
  const markup = { __html: body };
  return <><div dangerouslySetInnerHTML={markup} /><div dangerouslySetInnerHTML={{ __html }} /></>;
}
`,
      filename: 'Block.tsx',
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 4,
          column: 28,
          endColumn: 32,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import purify from 'isomorphic-dompurify';
function Block({ __html, body }) {
  const markup = { __html: purify.sanitize(body) };
  return <><div dangerouslySetInnerHTML={markup} /><div dangerouslySetInnerHTML={{ __html }} /></>;
}
` }],
        },
        {
          messageId: 'unsanitizedHtml',
          line: 5,
          column: 84,
          endColumn: 90,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import purify from 'isomorphic-dompurify';
function Block({ __html, body }) {
  const markup = { __html: body };
  return <><div dangerouslySetInnerHTML={markup} /><div dangerouslySetInnerHTML={{ __html: purify.sanitize(__html) }} /></>;
}
` }],
        },
      ],
    },
    {
      // innerHTML with a parameter, in a TS file with no imports.
      code: `
export function showMessage(el: HTMLElement, message: string) {
  el.innerHTML = message;
}
`,
      errors: [
        {
          messageId: 'unsanitizedHtml',
          data: { sink: '`innerHTML` assignment' },
          line: 3,
          column: 18,
          endColumn: 25,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import DOMPurify from 'dompurify';
export function showMessage(el: HTMLElement, message: string) {
  el.innerHTML = DOMPurify.sanitize(message);
}
` }],
        },
      ],
    },
    {
      // outerHTML += with a template interpolating an unknown value; CommonJS gets a require.
      code: `
const $ = require('./dom');
function append(row, name) {
  row.outerHTML += \`<td>\${name}</td>\`;
}
`,
      filename: 'table.js',
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 4,
          column: 20,
          endColumn: 38,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
const $ = require('./dom');
const DOMPurify = require('dompurify');
function append(row, name) {
  row.outerHTML += DOMPurify.sanitize(\`<td>\${name}</td>\`);
}
` }],
        },
      ],
    },
    {
      // insertAdjacentHTML: only its second argument is HTML.
      code: `container.insertAdjacentHTML('beforeend', reply.html);`,
      errors: [
        {
          messageId: 'unsanitizedHtml',
          data: { sink: '`insertAdjacentHTML()` call' },
          line: 1,
          column: 43,
          endColumn: 53,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `import DOMPurify from 'dompurify';
container.insertAdjacentHTML('beforeend', DOMPurify.sanitize(reply.html));` }],
        },
      ],
    },
    {
      // document.write and window.document.writeln.
      code: `
import DOMPurify from 'dompurify';
document.write(banner);
window.document.writeln('<p>' + location.hash + '</p>');
`,
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 3,
          column: 16,
          endColumn: 22,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import DOMPurify from 'dompurify';
document.write(DOMPurify.sanitize(banner));
window.document.writeln('<p>' + location.hash + '</p>');
` }],
        },
        {
          messageId: 'unsanitizedHtml',
          data: { sink: '`document.writeln()` call' },
          line: 4,
          column: 25,
          endColumn: 55,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import DOMPurify from 'dompurify';
document.write(banner);
window.document.writeln(DOMPurify.sanitize('<p>' + location.hash + '</p>'));
` }],
        },
      ],
    },
    {
      // Unescaped pieces joined into markup; a string built from an unescaped part.
      code: `
import DOMPurify from 'dompurify';
list.innerHTML = items.map((item) => \`<li>\${item.title}</li>\`).join('');
let html = '';
html += \`<b>\${title}</b>\`;
el.innerHTML = html;
`,
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 3,
          column: 18,
          endColumn: 72,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import DOMPurify from 'dompurify';
list.innerHTML = DOMPurify.sanitize(items.map((item) => \`<li>\${item.title}</li>\`).join(''));
let html = '';
html += \`<b>\${title}</b>\`;
el.innerHTML = html;
` }],
        },
        {
          messageId: 'unsanitizedHtml',
          line: 6,
          column: 16,
          endColumn: 20,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import DOMPurify from 'dompurify';
list.innerHTML = items.map((item) => \`<li>\${item.title}</li>\`).join('');
let html = '';
html += \`<b>\${title}</b>\`;
el.innerHTML = DOMPurify.sanitize(html);
` }],
        },
      ],
    },
    {
      // JSON-LD with request-derived data: JSON.stringify leaves </script> as is.
      code: `
export default function Page({ product }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(product) }} />;
}
`,
      filename: 'page.tsx',
      errors: [
        {
          messageId: 'unescapedJsonInScript',
          line: 3,
          column: 80,
          endColumn: 103,
          suggestions: [{ messageId: 'escapeJson', output: `
export default function Page({ product }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(product).replace(/</g, '\\\\u003c') }} />;
}
` }],
        },
      ],
    },
    {
      // JSON.stringify into a div is plain XSS: the generic message and the sanitizer.
      code: `const Debug = ({ state }) => <pre dangerouslySetInnerHTML={{ __html: JSON.stringify(state) }} />;`,
      filename: 'Debug.jsx',
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 1,
          column: 70,
          endColumn: 91,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `import DOMPurify from 'dompurify';
const Debug = ({ state }) => <pre dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(JSON.stringify(state)) }} />;` }],
        },
      ],
    },
    {
      // A sanitizer that is not one: marked renders markdown into unsanitized HTML.
      code: `
import { marked } from 'marked';
export const Md = ({ source }: { source: string }) => <div dangerouslySetInnerHTML={{ __html: marked.parse(source) }} />;
`,
      filename: 'Md.tsx',
      options: [{ importSource: 'isomorphic-dompurify' }],
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 3,
          column: 95,
          endColumn: 115,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import { marked } from 'marked';
import DOMPurify from 'isomorphic-dompurify';
export const Md = ({ source }: { source: string }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(source)) }} />;
` }],
        },
      ],
    },
    {
      // \`DOMPurify\` names something else here: no suggestion, still reported.
      code: `
import { DOMPurify } from './my-purify';
shadowRoot.innerHTML = DOMPurify.render(html);
`,
      errors: [{ messageId: 'unsanitizedHtml', line: 3, column: 24, endColumn: 46, suggestions: [] }],
    },
    {
      // A local named like a sanitizer only counts when it is the call, not a property read.
      code: `
import DOMPurify from 'dompurify';
const ok = DOMPurify.sanitize(a);
el.innerHTML = ok + userName;
`,
      errors: [
        {
          messageId: 'unsanitizedHtml',
          line: 4,
          column: 16,
          endColumn: 29,
          suggestions: [{ messageId: 'wrapInSanitizer', output: `
import DOMPurify from 'dompurify';
const ok = DOMPurify.sanitize(a);
el.innerHTML = DOMPurify.sanitize(ok + userName);
` }],
        },
      ],
    },
  ],
});
