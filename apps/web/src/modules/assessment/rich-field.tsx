import { FunctionOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Typography, Upload } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/components/page-state';
import { uploadPicture } from './bank-api';
import { blankIds, toXhtml } from './rich-input';
import { RichText } from './rich-text';

/**
 * A rich-text field a teacher types into: formulas as $TeX$, blanks as 【空1】, pictures uploaded and
 * placed as 【图:…】, with the item as students will see it just below (KaTeX, pictures, blanks).
 */
export function RichField({
  value,
  onChange,
  rows = 3,
  blanks = false,
  placeholder,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  /** Offer 插入空 (fill-in stems). */
  blanks?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const area = useRef<{ resizableTextArea?: { textArea: HTMLTextAreaElement } } | null>(null);
  const insert = (text: string, caretBack = 0) => {
    const el = area.current?.resizableTextArea?.textArea;
    const at = el ? el.selectionStart : value.length;
    const end = el ? el.selectionEnd : value.length;
    onChange(value.slice(0, at) + text + value.slice(end));
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      const pos = at + text.length - caretBack;
      el.setSelectionRange(pos, pos);
    });
  };
  const nextBlank = () => {
    const used = new Set(blankIds(value));
    let n = 1;
    while (used.has(`b${n}`)) n++;
    return `【空${n}】`;
  };
  return (
    <div>
      <Flex gap={4} wrap style={{ marginBottom: 4 }}>
        <Button size="small" icon={<FunctionOutlined />} onClick={() => insert('$$', 1)}>
          {t('bank.editor.formula')}
        </Button>
        {blanks && (
          <Button size="small" onClick={() => insert(nextBlank())} data-testid="insert-blank">
            {t('bank.editor.blank')}
          </Button>
        )}
        <Upload
          accept="image/png,image/jpeg,image/webp"
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const { key } = await uploadPicture(file as File);
              insert(`【图:${key}】`);
              onSuccess?.({});
            } catch (e) {
              message.error(errorMessage(e, t('bank.editor.uploadFailed')));
              onError?.(e as Error);
            }
          }}
        >
          <Button size="small" icon={<PictureOutlined />}>
            {t('bank.editor.picture')}
          </Button>
        </Upload>
      </Flex>
      <Input.TextArea
        ref={area as never}
        value={value}
        rows={rows}
        autoSize={{ minRows: rows, maxRows: 14 }}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      {value.trim() && (
        <div className="bank-preview" data-testid={testId ? `${testId}-preview` : undefined}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('bank.editor.preview')}
          </Typography.Text>
          <RichText value={toXhtml(value)} />
        </div>
      )}
    </div>
  );
}
