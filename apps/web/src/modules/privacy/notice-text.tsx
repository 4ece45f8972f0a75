import { Typography } from 'antd';

/** A first line this short, without closing punctuation, is a paragraph's heading (「我们保存什么」). */
const isHeading = (line: string) => line.length <= 24 && !/[。；，：:.!?！？]$/.test(line.trim());

/**
 * The body of a privacy notice: plain text whose paragraphs are separated by blank lines. Rendered
 * as text nodes only (React escapes it), never as markup, whatever the bureau typed.
 */
export function NoticeText({ body }: { body: string }) {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <Typography data-testid="notice-body">
      {paragraphs.map((p, i) => {
        const [first = '', ...rest] = p.split('\n');
        const heading = rest.length > 0 && isHeading(first);
        return (
          // Paragraphs never move, so their position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: static text
          <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }} className="hanlin-wrap">
            {heading ? (
              <>
                <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                  {first}
                </Typography.Text>
                {rest.join('\n')}
              </>
            ) : (
              p
            )}
          </Typography.Paragraph>
        );
      })}
    </Typography>
  );
}
