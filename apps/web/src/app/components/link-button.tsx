import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * A button that is a real link (one `<a>`, not a button inside a link): opens in a new tab with
 * a modifier key, navigates inside the app on a plain click.
 */
export function LinkButton({ to, onClick, ...rest }: Omit<ButtonProps, 'href'> & { to: string }) {
  const navigate = useNavigate();
  const click = (e: MouseEvent<HTMLElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <Button {...rest} href={to} onClick={click} />;
}

/** A download link styled as a button; the browser sends the session cookie. */
export function DownloadButton(props: Omit<ButtonProps, 'href'> & { url: string }) {
  const { url, ...rest } = props;
  return <Button {...rest} href={url} download />;
}
