// A search snippet as pieces of text: the core marks each matched term between
// `[` and `]`. The palette renders the pieces as text nodes, the hits inside
// <mark>, never as HTML, so a `<script>` in a PDF stays the words "<script>".

export type SnippetPart = { text: string; hit: boolean };

/**
 * Split a snippet on its `[`…`]` markers. Literal brackets that do not pair up
 * (a `]` with no `[` open, a `[` inside a hit, a `[` never closed) stay text.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  let plain = '';
  let i = 0;
  while (i < snippet.length) {
    const open = snippet.indexOf('[', i);
    if (open < 0) break;
    const close = snippet.indexOf(']', open + 1);
    const inner = close < 0 ? '' : snippet.slice(open + 1, close);
    if (close < 0 || inner === '' || inner.includes('[')) {
      // Not a marker pair: the `[` is text.
      plain += snippet.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    push(plain + snippet.slice(i, open), false);
    plain = '';
    push(inner, true);
    i = close + 1;
  }
  push(plain + snippet.slice(i), false);
  return parts;
}
