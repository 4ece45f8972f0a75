import type { ApiData } from '../../app/api/types';

export type PortalHome = ApiData<'/api/portal/home'>;
export type HomeKind = PortalHome['kind'];
export type HomeOf<K extends HomeKind> = Extract<PortalHome, { kind: K }>;
/** A typed section of a home (what waits, what is new), most urgent first. */
export type HomeSection = HomeOf<'student'>['sections'][number];
export type HomeItem = HomeSection['items'][number];
