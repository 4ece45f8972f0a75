import { Alert, type ButtonProps, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../../app/api/client';

/** OK-button props for a modal: loading state plus a stable test id. */
export const submitProps = (testId: string, loading: boolean, disabled = false): ButtonProps =>
  ({ loading, disabled, 'data-testid': testId }) as ButtonProps;

/**
 * The error banner at the top of a modal form; shows the server's message as is. A long form on a
 * phone has its submit button far below, so the banner scrolls itself into view.
 */
export function FormError({ message }: { message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref}>
      <Alert
        type="error"
        showIcon
        title={message}
        role="alert"
        style={{ marginBottom: 16 }}
        data-testid="form-error"
      />
    </div>
  );
}

/**
 * Marks the fields a server error names (an AppError's `details.field`, or `body.x` paths of a
 * validation error) and returns the message for the banner, so the server's words are always shown.
 */
export function serverError(
  e: unknown,
  fallback: string,
  form?: FormInstance,
  fields: readonly string[] = [],
) {
  if (!(e instanceof ApiError)) return fallback;
  const named: { name: string; errors: string[] }[] = [];
  const details = e.details as unknown;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    const field = (details as { field?: unknown }).field;
    if (typeof field === 'string') named.push({ name: field, errors: [e.message] });
  }
  if (Array.isArray(details)) {
    for (const item of details as { path?: unknown; message?: unknown }[]) {
      if (typeof item?.path !== 'string' || !item.path.startsWith('body.')) continue;
      named.push({
        name: item.path.slice(5),
        errors: [typeof item.message === 'string' ? item.message : e.message],
      });
    }
  }
  form?.setFields(named.filter((f) => fields.includes(f.name)));
  return e.message;
}

/** Validates a form; on failure scrolls to the first wrong field and returns undefined. */
export async function validated<V>(form: FormInstance<V>): Promise<V | undefined> {
  try {
    return await form.validateFields();
  } catch (e) {
    const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name;
    if (first) form.scrollToField(first, { block: 'center', behavior: 'smooth' });
    return undefined;
  }
}
