import type { ReactNode } from "react";

// Renders the small subset of Markdown the docs/ guides use (headings, paragraphs, ordered and bulleted
// lists, fenced code, `code`, **bold**), so a guide kept in the repository can be served as it is. Every
// piece of text goes through React, so nothing in the file can inject markup.

type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; text: string };

const LIST_ITEM = /^(\d+\.|-)\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
    } else if (line.startsWith("```")) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) body.push(lines[i]);
      blocks.push({ kind: "code", text: body.join("\n") });
      i++;
    } else if (/^#{1,3} /.test(line)) {
      const level = line.indexOf(" ") as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, text: line.slice(level + 1).trim() });
      i++;
    } else if (LIST_ITEM.test(line)) {
      const ordered = /^\d/.test(line);
      const items: string[] = [];
      for (; i < lines.length && (LIST_ITEM.test(lines[i]) || /^\s+\S/.test(lines[i])); i++) {
        const item = LIST_ITEM.exec(lines[i]);
        if (item) items.push(item[2]);
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      blocks.push({ kind: "list", ordered, items });
    } else {
      const text: string[] = [];
      for (; i < lines.length && lines[i].trim() && !/^(#{1,3} |```)/.test(lines[i]) && !LIST_ITEM.test(lines[i]); i++) text.push(lines[i].trim());
      blocks.push({ kind: "paragraph", text: text.join(" ") });
    }
  }
  return blocks;
}

function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, index) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) return <code key={index}>{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 3) return <strong key={index}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

export function Markdown({ source }: { source: string }) {
  return (
    <>
      {parseMarkdown(source).map((block, index) => {
        switch (block.kind) {
          case "heading": {
            const Heading = `h${block.level}` as const;
            return <Heading key={index}>{inline(block.text)}</Heading>;
          }
          case "paragraph":
            return <p key={index}>{inline(block.text)}</p>;
          case "code":
            return (
              <pre key={index} className="card">
                <code>{block.text}</code>
              </pre>
            );
          case "list": {
            const List = block.ordered ? "ol" : "ul";
            return (
              <List key={index}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{inline(item)}</li>
                ))}
              </List>
            );
          }
        }
      })}
    </>
  );
}
