import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  InputNumber,
  Radio,
  Row,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';

type State = ApiData<'/api/security/policy'>;
type Policy = State['policy'];

/** The form's shape: the policy, with password rotation as a switch beside its lifetime. */
type FormValues = Omit<Policy, 'password'> & {
  password: Omit<Policy['password'], 'maxAgeDays'> & { rotate: boolean; maxAgeDays: number };
};

const toForm = (p: Policy): FormValues => ({
  ...p,
  password: {
    ...p.password,
    rotate: p.password.maxAgeDays !== null,
    maxAgeDays: p.password.maxAgeDays ?? 90,
  },
});
const fromForm = (v: FormValues): Policy => {
  const { rotate, maxAgeDays, ...password } = v.password;
  return { ...v, password: { ...password, maxAgeDays: rotate ? maxAgeDays : null } };
};

/**
 * 安全策略: the security administrator's settings (COMPLIANCE §4). Each field shows its 等保 2.0
 * floor; the server refuses a weaker policy and says why, and puts a valid one in force at once.
 */
export function SecurityPolicyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const state = useQuery({
    queryKey: ['security', 'policy'],
    queryFn: () => unwrap(api.GET('/api/security/policy')),
  });
  useEffect(() => {
    if (state.data) form.setFieldsValue(toForm(state.data.policy));
  }, [state.data, form]);
  const profile = Form.useWatch(['password', 'profile'], form);
  const rotate = Form.useWatch(['password', 'rotate'], form);

  if (state.isPending) return <PageLoading />;
  if (state.isError) return <PageError error={state.error} onRetry={() => void state.refetch()} />;
  const { floors, mfaEligible, profiles, version, updatedAt } = state.data;
  const atLeast = (n: number) => t('security.policy.atLeast', { n });
  const atMost = (n: number) => t('security.policy.atMost', { n });
  const djbh = profile !== 'asvs';

  const save = async (values: FormValues) => {
    setBusy(true);
    setProblems(undefined);
    try {
      const out = await unwrap(
        api.PUT('/api/security/policy', { body: { policy: fromForm(values), version } }),
      );
      void message.success(t('security.policy.changed', { n: out.changed.length }));
      await client.invalidateQueries({ queryKey: ['security'] });
    } catch (e) {
      const details = (e as { details?: { problems?: string[] } }).details;
      if (details?.problems) setProblems(details.problems);
      else void message.error(errorMessage(e, t('security.policy.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageTitle
        title={t('security.policy.title')}
        subtitle={t('security.policy.subtitle')}
        testId="security-policy-title"
      />
      <Typography.Text type="secondary" data-testid="policy-version">
        {version === 0
          ? t('security.policy.defaultsInForce')
          : t('security.policy.version', { version, at: formatDateTime(updatedAt, lang) })}
      </Typography.Text>
      {state.data.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('security.policy.belowFloor')}
          description={state.data.problems.join('；')}
        />
      )}
      {problems && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="policy-problems"
          title={t('security.policy.saveFailed')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={save}
        requiredMark={false}
        data-testid="policy-form"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('security.policy.password')}>
              <Form.Item name={['password', 'profile']} label={t('security.policy.profile')}>
                <Radio.Group
                  onChange={(e) => {
                    const preset = profiles[e.target.value as 'djbh' | 'asvs'];
                    form.setFieldsValue({
                      password: {
                        ...preset,
                        rotate: preset.maxAgeDays !== null,
                        maxAgeDays: preset.maxAgeDays ?? 90,
                      },
                    });
                  }}
                >
                  <Flex vertical gap={4}>
                    <Radio value="djbh">{t('security.policy.profileDjbh')}</Radio>
                    <Radio value="asvs">{t('security.policy.profileAsvs')}</Radio>
                  </Flex>
                </Radio.Group>
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['password', 'minLength']}
                    label={t('security.policy.minLength')}
                    extra={atLeast(djbh ? floors.djbh.minLength : floors.asvs.minLength)}
                  >
                    <InputNumber min={1} max={64} style={{ width: '100%' }} data-testid="policy-min-length" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['password', 'minClasses']}
                    label={t('security.policy.minClasses')}
                    extra={djbh ? atLeast(floors.djbh.minClasses) : t('security.policy.minClassesHelp')}
                  >
                    <InputNumber min={0} max={4} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['password', 'historyDepth']}
                    label={t('security.policy.historyDepth')}
                    extra={djbh ? atLeast(floors.djbh.historyDepth) : undefined}
                  >
                    <InputNumber min={0} max={24} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['password', 'maxAgeDays']}
                    label={t('security.policy.maxAgeDays')}
                    extra={djbh ? atMost(floors.djbh.maxAgeDays) : undefined}
                  >
                    <InputNumber min={1} max={3650} disabled={!rotate} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={['password', 'rotate']} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('security.policy.rotation')}</Checkbox>
              </Form.Item>
              <Form.Item
                name={['password', 'checkBreached']}
                valuePropName="checked"
                style={{ marginBottom: 0 }}
              >
                <Checkbox>{t('security.policy.checkBreached')}</Checkbox>
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('security.policy.lockout')}>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={['lockout', 'attempts']}
                      label={t('security.policy.attempts')}
                      extra={atMost(floors.lockout.maxAttempts)}
                    >
                      <InputNumber
                        min={1}
                        max={100}
                        style={{ width: '100%' }}
                        data-testid="policy-attempts"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={['lockout', 'minutes']}
                      label={t('security.policy.minutes')}
                      extra={atLeast(floors.lockout.minMinutes)}
                    >
                      <InputNumber min={1} max={1440} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={['lockout', 'doubling']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t('security.policy.doubling')}</Checkbox>
                </Form.Item>
                <Typography.Text type="secondary">{t('security.policy.lockoutNote')}</Typography.Text>
              </Card>
              <Card size="small" title={t('security.policy.session')}>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={['session', 'idleMinutes']}
                      label={t('security.policy.idleMinutes')}
                      extra={atMost(floors.session.maxIdleMinutes)}
                    >
                      <InputNumber min={1} max={1440} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={['session', 'absoluteHours']}
                      label={t('security.policy.absoluteHours')}
                      extra={atMost(floors.session.maxAbsoluteHours)}
                    >
                      <InputNumber min={1} max={72} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            </Flex>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('security.policy.mfa')}>
              <Form.Item name="mfaRoles" extra={t('security.policy.mfaNote')} style={{ marginBottom: 0 }}>
                <Checkbox.Group
                  options={mfaEligible.map((role) => ({
                    value: role as Policy['mfaRoles'][number],
                    label: t(`role.${role}`),
                    disabled: floors.mfaRoles.includes(role),
                  }))}
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-save">
            {t('security.policy.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(toForm(state.data.policy))}>{t('common.reset')}</Button>
        </Flex>
      </Form>
    </Stack>
  );
}
