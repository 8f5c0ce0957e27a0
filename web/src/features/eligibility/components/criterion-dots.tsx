import { Tooltip } from 'antd';
import { CRITERION_LABELS, RESULT_LABELS } from '../../../../../common/eligibility';
import type { CriterionItem } from '../../../api/types';
import { RESULT_DOT_COLORS } from './eligibility-labels';
import { viDates } from './facts';

/** One small coloured dot per criterion, in the rules' order; each dot's tooltip gives the criterion, result and reason. */
export function CriterionDots({ criteria }: { criteria: CriterionItem[] }) {
  return (
    <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }} data-testid="criterion-dots">
      {criteria.map((c) => (
        <Tooltip
          key={c.criterion}
          title={
            <>
              <strong>{CRITERION_LABELS[c.criterion]}</strong>: {RESULT_LABELS[c.result]}
              <br />
              {viDates(c.reason)}
            </>
          }
        >
          <span
            role="img"
            aria-label={`${CRITERION_LABELS[c.criterion]}: ${RESULT_LABELS[c.result]}`}
            data-result={c.result}
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: '50%',
              background: RESULT_DOT_COLORS[c.result],
              cursor: 'help',
            }}
          />
        </Tooltip>
      ))}
    </span>
  );
}
