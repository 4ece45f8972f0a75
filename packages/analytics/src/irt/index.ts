export * from './calibrate.ts';
export * from './eap.ts';
export * from './item-fit.ts';
export * from './item-model.ts';
export * from './linking.ts';
export * from './quadrature.ts';
export * from './responses.ts';
export * from './simulate.ts';
