import { describe, expect, it } from 'vitest';
import { PLAN_131_PARAMS } from '../../../../../common/plan-params';
import { formToParams, issueField, paramsToForm } from './params-form-values';

describe('the parameter form', () => {
  it('edits rates in percent and gives the API shares back unchanged', () => {
    const params = { ...PLAN_131_PARAMS, quotaRate: 0.045, disciplineBarMonths: { CC: 12 } };
    const form = paramsToForm(params);
    expect(form.quotaRate).toBe(4.5);
    expect(form.trainingBudgetRate).toBe(5);
    expect(form.disciplineBarMonths).toEqual([{ formCode: 'CC', months: 12 }]);
    expect(formToParams(form)).toEqual(params);
  });
  it('drops empty list entries and incomplete discipline rows', () => {
    const form = { ...paramsToForm(PLAN_131_PARAMS), priorityFields: [' Luật ', '', 'Luật'], disciplineBarMonths: [{ formCode: 'CC' }] };
    const p = formToParams(form);
    expect(p.priorityFields).toEqual(['Luật']);
    expect(p.disciplineBarMonths).toEqual({});
  });
  it('places API issues on their fields', () => {
    const values = { params: paramsToForm({ ...PLAN_131_PARAMS, disciplineBarMonths: { CC: 12, BTV: 24 } }) };
    expect(issueField('params.minRatingCode', values)).toEqual(['params', 'minRatingCode']);
    expect(issueField('params.priorityWeights.young', values)).toEqual(['params', 'priorityWeights', 'young']);
    expect(issueField('params.disciplineBarMonths.BTV', values)).toEqual(['params', 'disciplineBarMonths', 1, 'months']);
    expect(issueField('effectiveFrom', values)).toEqual(['effectiveFrom']);
    expect(issueField('params', values)).toBeNull();
  });
});
