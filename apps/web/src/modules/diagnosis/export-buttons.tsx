import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../app/components/link-button';

/**
 * A diagnosis view's exports (issue 11 §5), side by side in its title bar: the workbook (.xlsx)
 * the server builds at `xlsxUrl` (no button without one), and the picture (PNG) `onPicture` draws.
 * `ready`: the view's data has loaded; `pictureReady`: there is something to draw.
 */
export function ExportButtons({
  xlsxUrl,
  ready,
  onPicture,
  pictureReady,
}: {
  xlsxUrl: string | undefined;
  ready: boolean;
  onPicture: () => void;
  pictureReady: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {xlsxUrl && (
        <DownloadButton icon={<DownloadOutlined />} url={xlsxUrl} disabled={!ready}>
          {t('diagnosis.exportXlsx')}
        </DownloadButton>
      )}
      <Button icon={<PictureOutlined />} onClick={onPicture} disabled={!ready || !pictureReady}>
        {t('diagnosis.exportPng')}
      </Button>
    </>
  );
}
