import type { Capability, Me } from '../../../api/types';

/** What the training screens offer to a user: capabilities from the training policies (the API checks the same on every call). */
export const trainingRoles = (me: Me) => {
  const may = (c: Capability) => me.capabilities.includes(c);
  return {
    /** Only their own trainings (a cadre). */
    cadreOnly: !may('readTraining'),
    manageCourses: may('manageCourses'),
    nominate: may('nominate'),
    approve: may('approveEnrolments'),
    approveOverBudget: may('approveOverBudget'),
    recordNeeds: may('recordNeeds'),
    manageBudgets: may('manageBudgets'),
    overrideBudget: may('overrideBudget'),
    reports: may('trainingReports'),
  };
};
