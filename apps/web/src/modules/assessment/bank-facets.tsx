import { Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';
import type { ItemQuery, SearchResult } from './bank-api';

type Facets = SearchResult['facets'];

/** The URL parameter of each facet and the query field it sets. */
export const FACET_PARAMS = {
  subject: 'subjectCode',
  grade: 'gradeCode',
  type: 'type',
  level: 'cognitiveLevel',
  band: 'band',
  point: 'knowledgePointId',
  share: 'share',
  year: 'year',
  source: 'source',
} as const satisfies Record<keyof Facets, keyof ItemQuery>;

/** How many values of a facet show before 「更多」. */
const FIRST = 10;

/**
 * The search's facets as groups of tags with counts: a tag narrows the results, a second tap widens
 * them again. Each group counts the items that pass every other filter.
 */
export function BankFacets({
  facets,
  query,
  onChange,
}: {
  facets: Facets;
  query: ItemQuery;
  onChange: (param: keyof ItemQuery, value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState<Set<string>>(new Set());
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const label = (dim: keyof Facets, value: string, fallback?: string) => {
    switch (dim) {
      case 'subject':
        return subject(value);
      case 'grade':
        return grade(value);
      case 'type':
        return t(`bank.type.${value}`);
      case 'level':
        return t(`bank.level.${value}`);
      case 'band':
        return t(`bank.band.${value}`);
      case 'share':
        return t(`bank.share.${value}`);
      default:
        return fallback ?? value;
    }
  };
  return (
    <Flex vertical gap={12} data-testid="bank-facets">
      {(Object.keys(FACET_PARAMS) as (keyof Facets)[]).map((dim) => {
        const every = facets[dim] as { value: string; count: number; label?: string }[];
        // A long list (knowledge points) shows its most frequent values first, the rest on request.
        const values = all.has(dim) ? every : every.slice(0, FIRST);
        const param = FACET_PARAMS[dim];
        const current = query[param] === undefined ? undefined : String(query[param]);
        if (values.length === 0 && current === undefined) return null;
        return (
          <div key={dim}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              {t(`bank.facet.${dim}`)}
            </Typography.Text>
            <Flex wrap gap={4}>
              {values.map((f) => (
                <Tag.CheckableTag
                  key={f.value}
                  checked={current === f.value}
                  onChange={(on) => onChange(param, on ? f.value : undefined)}
                  data-testid={`facet-${dim}`}
                >
                  {label(dim, f.value, f.label)} {f.count}
                </Tag.CheckableTag>
              ))}
              {every.length > values.length && (
                <Button type="link" size="small" onClick={() => setAll((s) => new Set(s).add(dim))}>
                  {t('bank.moreFacets', { n: every.length - values.length })}
                </Button>
              )}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
