import type { ReactNode } from 'react';

/**
 * Vertical page layout. A one-column grid with `minmax(0, 1fr)` lets wide children (tables) shrink
 * to the viewport and scroll inside, where a flex column (antd Space) would grow to their width.
 */
export function Stack({
  children,
  gap = 16,
  testId,
}: {
  children: ReactNode;
  gap?: number;
  testId?: string;
}) {
  return (
    <div data-testid={testId} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap }}>
      {children}
    </div>
  );
}
