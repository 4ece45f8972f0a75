import type { ApiData } from '../../app/api/types';

export type PortalHome = ApiData<'/api/portal/home'>;
export type HomeKind = PortalHome['kind'];
export type HomeOf<K extends HomeKind> = Extract<PortalHome, { kind: K }>;
