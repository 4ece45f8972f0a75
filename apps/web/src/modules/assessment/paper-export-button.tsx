import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { paperExportUrl } from './item-import-api';

/** A paper's items as a QTI 3.0 package or the .xlsx template, in the paper's order and scores. */
export function PaperExportButton({ paperId }: { paperId: string }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'qti', label: <a href={paperExportUrl(paperId, 'qti')}>{t('itemImport.exportQti')}</a> },
          { key: 'xlsx', label: <a href={paperExportUrl(paperId, 'xlsx')}>{t('itemImport.exportXlsx')}</a> },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="paper-export">
        {t('itemImport.exportPaper')}
      </Button>
    </Dropdown>
  );
}
