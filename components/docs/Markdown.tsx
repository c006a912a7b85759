import ReactMarkdown, { type Components } from "react-markdown";

// Renders a guide kept in docs/ as it is, on the server (no client JavaScript). react-markdown builds React
// elements, never an HTML string: raw HTML in the source is shown as text, not parsed, and link URLs with a
// scheme other than http(s), mailto and the like are dropped, so nothing in a guide can inject markup or
// script. No inline styles either, so the page keeps the app's Content-Security-Policy.

// Code blocks sit on a card like the rest of the app; `node` (the syntax tree) is not an attribute.
const components: Components = {
  pre: ({ node: _node, ...props }) => <pre className="card" {...props} />,
};

export function Markdown({ source }: { source: string }) {
  return <ReactMarkdown components={components}>{source}</ReactMarkdown>;
}
