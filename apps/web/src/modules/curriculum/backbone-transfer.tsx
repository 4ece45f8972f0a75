import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client';
import { DownloadButton } from '../../app/components/link-button';
import { errorMessage } from '../../app/components/page-state';
import { curriculumKeys, exportUrl, importBackbone } from './curriculum-api';

type RowError = { sheet: string; row: number; column: string; message: string };

/** Export a subject's backbone as .xlsx; researchers import the same format back. */
export function BackboneTransfer({ subject, editable }: { subject: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; rows: RowError[] }>();

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const s = await importBackbone(file);
      message.success(t('curriculum.imported', s));
      await client.invalidateQueries({ queryKey: curriculumKeys.all });
    } catch (e) {
      const rows =
        e instanceof ApiError ? ((e.details as { errors?: RowError[] } | undefined)?.errors ?? []) : [];
      setFailure({ text: errorMessage(e, t('curriculum.importFailed')), rows });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('curriculum.transfer')}>
      <Typography.Paragraph type="secondary">{t('curriculum.transferHint')}</Typography.Paragraph>
      <Flex wrap gap={8}>
        <DownloadButton url={exportUrl(subject)} icon={<DownloadOutlined />} data-testid="curriculum-export">
          {t('curriculum.export')}
        </DownloadButton>
        {editable && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="curriculum-import">
              {t('curriculum.import')}
            </Button>
          </Upload>
        )}
      </Flex>
      {failure && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          role="alert"
          title={failure.text}
          description={
            failure.rows.length > 0 && (
              <List
                size="small"
                dataSource={failure.rows.slice(0, 50)}
                renderItem={(r) => (
                  <List.Item>
                    {t('curriculum.rowError', { sheet: r.sheet, row: r.row, column: r.column })}：{r.message}
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
    </Card>
  );
}
