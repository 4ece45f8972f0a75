/**
 * EAP abilities: the posterior mean of θ given a person's responses and calibrated items, with the
 * posterior SD as its standard error, integrated over the calibration's quadrature around its
 * population. A person with no responses gets the population itself (its mean and SD).
 */
import { logPosterior, makeDesign, normalise } from './estep.ts';
import type { ItemParameters } from './item-model.ts';
import { buildTables, paramLayout, setItem } from './parameters.ts';
import { normalQuadrature, type Quadrature } from './quadrature.ts';
import { checkResponses, type Responses } from './responses.ts';

/** What scoring needs of a calibration (a `Calibration` is one). */
export interface ScoringModel {
  items: readonly ItemParameters[];
  /** Default N(0, 1). */
  population?: { mean: number; sd: number };
  /** Default 61 points on [−6, 6]. */
  quadrature?: Quadrature;
}

export interface Abilities {
  theta: Float64Array;
  /** Posterior SD. */
  se: Float64Array;
}

/** The parameter vector, layout and tables of a scoring model for these responses. */
export function scoringTables(model: ScoringModel, responses: Responses) {
  checkResponses(responses);
  if (model.items.length !== responses.items) {
    throw new Error(`the model has ${model.items.length} items, the responses ${responses.items}`);
  }
  const design = makeDesign(responses);
  const lay = paramLayout(design);
  const x = new Float64Array(lay.size);
  model.items.forEach((item, j) => {
    setItem(lay, x, j, item);
  });
  x[lay.mean] = model.population?.mean ?? 0;
  x[lay.sd] = model.population?.sd ?? 1;
  const quad = model.quadrature ?? normalQuadrature();
  return { design, tables: buildTables(design, lay, x, quad) };
}

export function eap(model: ScoringModel, responses: Responses): Abilities {
  const { design, tables } = scoringTables(model, responses);
  const Q = tables.theta.length;
  const L = new Float64Array(Q);
  const w = new Float64Array(Q);
  const band = new Int32Array(2);
  const theta = new Float64Array(responses.persons);
  const se = new Float64Array(responses.persons);
  const prior = model.population ?? { mean: 0, sd: 1 };
  for (let i = 0; i < responses.persons; i++) {
    if (logPosterior(design, tables, i, L) === 0) {
      theta[i] = prior.mean;
      se[i] = prior.sd;
      continue;
    }
    normalise(L, w, band);
    let m = 0;
    for (let q = 0; q < Q; q++) m += w[q]! * tables.theta[q]!;
    let v = 0;
    for (let q = 0; q < Q; q++) v += w[q]! * (tables.theta[q]! - m) ** 2;
    theta[i] = m;
    se[i] = Math.sqrt(v);
  }
  return { theta, se };
}
