import { ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../app/components/page-state';
import { type AssemblyRefusal, assemble, refusalOf } from './assembly-api';
import { type BlueprintSpec, bankKeys } from './bank-api';

/** Seconds a solve usually takes at most; the bar runs towards it and waits there. */
const EXPECTED_SECONDS = 10;

/**
 * 组卷 and 生成 A/B 卷 for the blueprint on the form: progress while the solver works, then the new
 * draft; or, when no paper can meet the blueprint, the conflicting requirements in place.
 */
export function AssemblyActions({
  subjectCode,
  gradeCode,
  spec,
  template,
  disabled,
}: {
  subjectCode: string;
  gradeCode: string;
  spec: () => BlueprintSpec;
  template?: { id: string; spec: BlueprintSpec };
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [running, setRunning] = useState<1 | 2 | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [refusal, setRefusal] = useState<AssemblyRefusal | null>(null);

  useEffect(() => {
    if (running === null) return;
    setElapsed(0);
    const started = Date.now();
    const timer = setInterval(() => setElapsed((Date.now() - started) / 1000), 250);
    return () => clearInterval(timer);
  }, [running]);

  const run = async (forms: 1 | 2) => {
    setRunning(forms);
    setRefusal(null);
    try {
      const res = await assemble({ subjectCode, gradeCode, spec: spec(), forms, template });
      await qc.invalidateQueries({ queryKey: bankKeys.all });
      message.success(t('assembly.done', { n: res.papers.length }));
      navigate(`/papers/${res.papers[0]!.id}`);
    } catch (e) {
      const r = refusalOf(e);
      if (r) setRefusal(r);
      else message.error(errorMessage(e, t('assembly.failed')));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          loading={running === 1}
          disabled={disabled || running !== null}
          onClick={() => run(1)}
          data-testid="assemble"
        >
          {t('assembly.assemble')}
        </Button>
        <Button
          loading={running === 2}
          disabled={disabled || running !== null}
          onClick={() => run(2)}
          data-testid="assemble-ab"
        >
          {t('assembly.assembleAB')}
        </Button>
      </Flex>
      {running !== null && (
        <div data-testid="assembly-progress" role="status">
          <Typography.Text type="secondary">
            {t('assembly.running', { s: Math.floor(elapsed) })}
          </Typography.Text>
          <Progress
            percent={Math.min(95, Math.round((elapsed / EXPECTED_SECONDS) * 100))}
            status="active"
            showInfo={false}
            size="small"
          />
        </div>
      )}
      {refusal && (
        <Alert
          type={refusal.reason === 'timeout' ? 'warning' : 'error'}
          showIcon
          closable
          onClose={() => setRefusal(null)}
          data-testid="assembly-conflict"
          title={
            refusal.conflicts.length > 1
              ? t('assembly.conflictTitle', { n: refusal.conflicts.length })
              : refusal.message
          }
          description={
            refusal.conflicts.length > 1 || refusal.fields.length > 1 ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {(refusal.conflicts.length > 0 ? refusal.conflicts : refusal.fields).map((c) => (
                  <li key={`${c.path}:${c.message}`}>{c.message}</li>
                ))}
              </ol>
            ) : (
              refusal.reason === 'infeasible' && t('assembly.conflictHint')
            )
          }
        />
      )}
    </Flex>
  );
}
