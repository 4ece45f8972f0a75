import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/auth-context';
import { DownloadButton } from '../../app/components/link-button';
import { errorMessage, PageError } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { OrgUnitPicker } from '../org/org-unit-picker';
import { RosterExportButton } from './export-button';
import { ExportRequests } from './export-requests';
import {
  isRunning,
  MAX_FILE_BYTES,
  ROSTER_KINDS,
  type RosterKind,
  startImport,
  templateUrl,
  useImportJob,
} from './import-api';
import { ImportProgress } from './import-progress';

/** 名册导入导出 (P8): templates, validated .xlsx import with row errors, and export. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [kind, setKind] = useState<RosterKind>('students');
  const [file, setFile] = useState<File>();
  const [jobId, setJobId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const job = useImportJob(jobId);
  const [exportKind, setExportKind] = useState<RosterKind>('students');
  const [exportUnit, setExportUnit] = useState<{ id: string; name: string }>();
  const kindOptions = ROSTER_KINDS.map((k) => ({ value: k, label: t(`import.kind.${k}`) }));

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setUploadError(undefined);
    try {
      const started = await startImport(kind, file);
      setJobId(started.id);
      setFile(undefined);
    } catch (e) {
      setUploadError(errorMessage(e, t('import.uploadFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="import-title">
        {t('import.title')}
      </Typography.Title>
      <Card size="small" title={t('import.templates')}>
        <Typography.Paragraph type="secondary">{t('import.templatesHint')}</Typography.Paragraph>
        <Flex wrap gap={8}>
          {ROSTER_KINDS.map((k) => (
            <DownloadButton
              key={k}
              url={templateUrl(k)}
              icon={<DownloadOutlined />}
              data-testid={`template-${k}`}
            >
              {t(`import.kind.${k}`)}
            </DownloadButton>
          ))}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('import.upload')}>
            <Form layout="vertical">
              <Form.Item label={t('import.kindLabel')}>
                <Select value={kind} onChange={setKind} options={kindOptions} data-testid="import-kind" />
              </Form.Item>
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                maxCount={1}
                fileList={file ? [{ uid: 'f', name: file.name, status: 'done' }] : []}
                beforeUpload={(f) => {
                  if (f.size > MAX_FILE_BYTES) message.error(t('import.tooLarge'));
                  else setFile(f);
                  return false;
                }}
                onRemove={() => setFile(undefined)}
                data-testid="import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('import.drop')}</p>
                <p className="ant-upload-hint">{t('import.dropHint')}</p>
              </Upload.Dragger>
              {uploadError && (
                <Alert type="error" showIcon title={uploadError} role="alert" style={{ marginTop: 12 }} />
              )}
              <Button
                type="primary"
                block
                style={{ marginTop: 12 }}
                disabled={!file || isRunning(job.data)}
                loading={busy}
                onClick={upload}
                data-testid="import-start"
              >
                {t('import.start')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('import.export')}>
            <Form layout="vertical">
              <Form.Item label={t('import.kindLabel')}>
                <Select value={exportKind} onChange={setExportKind} options={kindOptions} />
              </Form.Item>
              <Form.Item
                label={t('import.exportUnit')}
                extra={t('import.exportUnitHint', { name: me.orgName })}
              >
                <OrgUnitPicker
                  value={exportUnit?.id}
                  onChange={(id, name) => setExportUnit(id ? { id, name: name ?? '' } : undefined)}
                />
              </Form.Item>
              <RosterExportButton
                kind={exportKind}
                orgUnitId={exportUnit?.id}
                unitName={exportUnit?.name || me.orgName}
                block
                data-testid="export-download"
              >
                {t('import.exportDownload')}
              </RosterExportButton>
            </Form>
          </Card>
        </Col>
      </Row>
      {jobId && (
        <Card size="small" title={t('import.progress')}>
          {job.isError && <PageError error={job.error} onRetry={() => void job.refetch()} />}
          {job.data && <ImportProgress job={job.data} />}
        </Card>
      )}
      <ExportRequests />
    </Stack>
  );
}
