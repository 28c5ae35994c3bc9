import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Members write Markdown; what is shown is a safe subset of HTML. markdown-it
 * runs with raw HTML off (a `<script>` in the source stays text), and its
 * output passes sanitize-html with an allowlist anyway, so a parser bug
 * cannot open a hole: no scripts, no event handlers, no style, links only to
 * http(s) and mailto, each `rel="nofollow ugc noopener"` and opening in a new tab.
 */
const markdown = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });
markdown.disable(["image"]);

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "s",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Headings of the page belong to the page: a post's "# Title" becomes a small heading.
  transformTags: {
    h1: "h3",
    h2: "h4",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "nofollow ugc noopener", target: "_blank" },
    }),
  },
};

export const EXCERPT_LENGTH = 200;

/** The sanitized HTML of a member's Markdown. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), sanitizeOptions);
}

/** The plain text of rendered HTML, whitespace folded, cut at `length` characters on a word. */
export function excerptOf(html: string, length = EXCERPT_LENGTH): string {
  const text = sanitizeHtml(html.replace(/<\/(p|li|h\d|blockquote|pre)>|<br\s*\/?>/g, " $&"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A text as it is stored: source, sanitized HTML and excerpt. */
export function renderedText(source: string) {
  const bodyHtml = renderMarkdown(source);
  return { body: source, bodyHtml, excerpt: excerptOf(bodyHtml) };
}
