import { LiveFormula } from '../../components/math/LiveFormula';
import type { CartpoleParams } from './params';
import { gradientTex } from './gradientTex';

export function GradientFormula({ params }: { params: CartpoleParams }) {
  const { estimator, advantage } = gradientTex(params);
  return (
    <div className="cp-formula__tex">
      <LiveFormula tex={estimator} display label="Policy gradient estimator" />
      <LiveFormula tex={advantage} display label="Advantage used by the current settings" />
    </div>
  );
}
