import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** mm:ss, or h:mm:ss for an hour or more. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/**
 * The time left until the server's deadline, counted with the server's clock: `offsetMs` is the
 * server's time minus this device's when the attempt was read, so a phone whose clock is wrong
 * still shows the time the server will enforce.
 */
export function Countdown({
  deadlineAt,
  offsetMs,
  onExpire,
}: {
  deadlineAt: string;
  offsetMs: number;
  onExpire?: () => void;
}) {
  const { t } = useTranslation();
  const deadline = new Date(deadlineAt).getTime();
  const [ms, setMs] = useState(() => deadline - (Date.now() + offsetMs));
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => {
    const tick = () => {
      const left = deadline - (Date.now() + offsetMs);
      setMs(left);
      if (left <= 0) {
        clearInterval(timer);
        expire.current?.();
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, offsetMs]);
  const urgent = ms < 5 * 60_000;
  return (
    <Tag
      icon={<ClockCircleOutlined />}
      color={ms <= 0 ? 'default' : urgent ? 'red' : 'blue'}
      data-testid="countdown"
    >
      {ms <= 0 ? t('homework.timeUp') : t('homework.timeLeft', { time: clock(ms) })}
    </Tag>
  );
}
