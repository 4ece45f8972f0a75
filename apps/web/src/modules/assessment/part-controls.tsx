import { InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ITEM_TYPES } from './bank-api';
import type { LeafState, LeafType } from './item-draft';

/** A composite part's type and score, in its card's header (the item editor and the import's). */
export function PartTypeAndScore({ part, onChange }: { part: LeafState; onChange: (p: LeafState) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        size="small"
        value={part.type}
        onChange={(type: LeafType) => onChange({ ...part, type })}
        options={ITEM_TYPES.filter((ty) => ty !== 'composite').map((ty) => ({
          value: ty,
          label: t(`bank.type.${ty}`),
        }))}
      />
      <InputNumber
        size="small"
        min={0.5}
        max={200}
        value={part.score}
        addonAfter={t('bank.pointUnit')}
        style={{ width: 100 }}
        onChange={(score) => onChange({ ...part, score: score ?? 1 })}
      />
    </>
  );
}
