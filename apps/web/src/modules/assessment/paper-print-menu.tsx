import { DownOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { App, Button, Dropdown, Modal, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { downloadFile } from '../../app/api/download';
import { errorMessage } from '../../app/components/page-state';

type Choice = 'a4' | 'a3' | 'docx' | 'keyPdf' | 'keyDocx';

/** Each choice as a request through the API client, so a refusal (busy printer, no right) shows its message. */
function fetchChoice(id: string, choice: Choice) {
  const path = { id };
  switch (choice) {
    case 'a4':
    case 'a3':
      return api.GET('/api/assessment/papers/{id}/print', {
        params: { path, query: { format: 'pdf', size: choice === 'a3' ? 'A3' : 'A4' } },
        parseAs: 'blob',
      });
    case 'docx':
      return api.GET('/api/assessment/papers/{id}/print', {
        params: { path, query: { format: 'docx', size: 'A4' } },
        parseAs: 'blob',
      });
    default:
      return api.GET('/api/assessment/papers/{id}/key', {
        params: { path, query: { format: choice === 'keyDocx' ? 'docx' : 'pdf' } },
        parseAs: 'blob',
      });
  }
}

const FALLBACK: Record<Choice, string> = {
  a4: 'paper.pdf',
  a3: 'paper-a3.pdf',
  docx: 'paper.docx',
  keyPdf: 'key.pdf',
  keyDocx: 'key.docx',
};

/** A PNG of the paper's first page as it prints, A4 or A3. */
function PreviewDialog({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [size, setSize] = useState<'A4' | 'A3'>('A4');
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={size === 'A3' ? 980 : 620}
      title={t('paperPrint.preview')}
    >
      <Segmented
        value={size}
        onChange={(v) => setSize(v as 'A4' | 'A3')}
        options={[
          { value: 'A4', label: t('paperPrint.sizeA4') },
          { value: 'A3', label: t('paperPrint.sizeA3') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {open && (
        <img
          key={size}
          src={`/api/assessment/papers/${encodeURIComponent(id)}/preview.png?size=${size}`}
          alt={t('paperPrint.previewAlt')}
          style={{ width: '100%', border: '1px solid #d9d9d9', display: 'block' }}
          data-testid="paper-print-preview"
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('paperPrint.previewHelp')}
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * 打印/下载: the paper as A4 PDF, A3 two-column PDF with the sealing line, Word, and the answer key
 * and marking scheme as PDF or Word. A draft prints labelled 草稿. Files take a second or two to
 * render, so the button spins meanwhile.
 */
export function PaperPrintMenu({ paperId, draft }: { paperId: string; draft: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);

  const download = async (choice: Choice) => {
    setBusy(true);
    try {
      await downloadFile(fetchChoice(paperId, choice), FALLBACK[choice]);
    } catch (e) {
      message.error(errorMessage(e, t('paperPrint.failed')));
    } finally {
      setBusy(false);
    }
  };

  const items: MenuProps['items'] = [
    {
      type: 'group',
      label: draft ? t('paperPrint.paperDraft') : t('paperPrint.paper'),
      children: [
        { key: 'a4', label: t('paperPrint.a4') },
        { key: 'a3', label: t('paperPrint.a3') },
        { key: 'docx', label: t('paperPrint.docx') },
      ],
    },
    { type: 'divider' },
    {
      type: 'group',
      label: t('paperPrint.key'),
      children: [
        { key: 'keyPdf', label: t('paperPrint.keyPdf') },
        { key: 'keyDocx', label: t('paperPrint.keyDocx') },
      ],
    },
    { type: 'divider' },
    { key: 'preview', label: t('paperPrint.preview'), icon: <EyeOutlined /> },
  ];

  return (
    <>
      <Dropdown
        trigger={['click']}
        disabled={busy}
        menu={{
          items,
          onClick: ({ key }) => (key === 'preview' ? setPreview(true) : void download(key as Choice)),
        }}
      >
        <Button icon={<PrinterOutlined />} loading={busy} data-testid="paper-print">
          {busy ? t('paperPrint.working') : t('paperPrint.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      <PreviewDialog id={paperId} open={preview} onClose={() => setPreview(false)} />
    </>
  );
}
