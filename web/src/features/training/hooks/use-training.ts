import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { TrainingCourseInput, TrainingEnrolmentQuery, TrainingNeedInput } from '../../../api/types';
import type { RepaymentReason } from '../../../../../common/training';

export const TRAINING_KEY = ['training'] as const;

/** Everything training shows is read again after any change (a nomination moves seats, budgets and needs). */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: TRAINING_KEY });
}

export function useCourses(year?: number) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'courses', year],
    queryFn: async () => (await unwrap(api.GET('/api/training/courses', { params: { query: { year } } }))).items,
    placeholderData: keepPreviousData,
  });
}

export function useNeeds(unitId?: string) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'needs', unitId],
    queryFn: async () => (await unwrap(api.GET('/api/training/needs', { params: { query: { unitId } } }))).items,
  });
}

export function useEnrolments(query: TrainingEnrolmentQuery) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'enrolments', query],
    queryFn: async () => (await unwrap(api.GET('/api/training/enrolments', { params: { query } }))).items,
    placeholderData: keepPreviousData,
  });
}

export function useBudgets(year: number, unitId?: string, enabled = true) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'budgets', year, unitId],
    enabled,
    queryFn: () => unwrap(api.GET('/api/training/budgets', { params: { query: { year, unitId } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingEligibility(personId: string | null, courseId: string | null) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'eligibility', personId, courseId],
    enabled: !!personId && !!courseId,
    queryFn: () => unwrap(api.GET('/api/training/eligibility', { params: { query: { personId: personId!, courseId: courseId! } } })),
    meta: { silent: true },
  });
}

export function useCreateCourse() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: TrainingCourseInput) => unwrap(api.POST('/api/training/courses', { body })), onSuccess: done, meta: { silent: true } });
}

export function useUpdateCourse() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TrainingCourseInput }) => unwrap(api.PUT('/api/training/courses/{id}', { params: { path: { id } }, body })),
    onSuccess: done,
    meta: { silent: true },
  });
}

export function useCloseCourse() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/training/courses/{id}/close', { params: { path: { id } }, body: { reason } })),
    onSuccess: done,
    meta: { silent: true },
  });
}

export function useCreateNeed() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: TrainingNeedInput) => unwrap(api.POST('/api/training/needs', { body })), onSuccess: done, meta: { silent: true } });
}

export function useNominate() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { courseId: string; personId: string; needId?: string | null; note?: string | null }) =>
      unwrap(api.POST('/api/training/enrolments', { body })),
    onSuccess: done,
    meta: { silent: true },
  });
}

export type EnrolmentAction = 'approve' | 'refuse' | 'enrol' | 'pay' | 'complete' | 'fail' | 'withdraw' | 'repay';

/** One step of an enrolment's workflow; the body is the step's form. */
export function useEnrolmentAction() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: EnrolmentAction; body: Record<string, unknown> }): Promise<unknown> => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'approve':
          return unwrap(api.POST('/api/training/enrolments/{id}/approve', { ...path, body }));
        case 'refuse':
          return unwrap(api.POST('/api/training/enrolments/{id}/refuse', { ...path, body: body as { reason: string } }));
        case 'enrol':
          return unwrap(api.POST('/api/training/enrolments/{id}/enrol', { ...path, body: body as { enrolledOn: string } }));
        case 'pay':
          return unwrap(api.POST('/api/training/enrolments/{id}/payments', { ...path, body: body as { amountVnd: number; paidOn: string } }));
        case 'complete':
          return unwrap(
            api.POST('/api/training/enrolments/{id}/complete', { ...path, body: body as { completedOn: string; result: string; certificateNo: string } }),
          );
        case 'fail':
        case 'withdraw':
          return unwrap(
            api.POST('/api/training/enrolments/{id}/end', {
              ...path,
              body: { ...(body as { endedOn: string; reason: string }), outcome: action === 'fail' ? 'failed' : 'withdrawn' },
            }),
          );
        case 'repay':
          return unwrap(
            api.POST('/api/training/enrolments/{id}/repayment', {
              ...path,
              body: body as { leftOn: string; reason: RepaymentReason; probationEndedOn?: string | null },
            }),
          );
      }
    },
    onSuccess: done,
    meta: { silent: true },
  });
}

export type RepaymentStep = 'council' | 'decide' | 'pay';

/**
 * One step of the repayment procedure (Decree 171/2025 Art. 9–13): the council, the decision, a payment. The inbox
 * is read again too (the step moves or removes its item).
 */
export function useRepaymentStep() {
  const done = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: RepaymentStep; body: Record<string, unknown> }): Promise<unknown> => {
      const path = { params: { path: { id } } };
      switch (step) {
        case 'council':
          return unwrap(
            api.POST('/api/training/enrolments/{id}/repayment/council', {
              ...path,
              body: body as { decisionNo: string; formedOn: string; members: { name: string; role: string }[] },
            }),
          );
        case 'decide':
          return unwrap(api.POST('/api/training/enrolments/{id}/repayment/decision', { ...path, body: body as { decisionNo: string; decidedOn: string } }));
        case 'pay':
          return unwrap(api.POST('/api/training/enrolments/{id}/repayment/payments', { ...path, body: body as { amountVnd: number; paidOn: string } }));
      }
    },
    onSuccess: async () => {
      await Promise.all([done(), qc.invalidateQueries({ queryKey: ['inbox'] })]);
    },
    meta: { silent: true },
  });
}

export function useSetRegularBudget() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { unitId: string; year: number; amountVnd: number }) => unwrap(api.PUT('/api/training/budgets/regular', { body })),
    onSuccess: done,
    meta: { silent: true },
  });
}

export function useComputeSupplementary() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { unitId: string; year: number }) => unwrap(api.POST('/api/training/budgets/supplementary', { body })),
    onSuccess: done,
    meta: { silent: true },
  });
}

export function useOverrideBudget() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; amountVnd: number; reason: string }) =>
      unwrap(api.POST('/api/training/budgets/{id}/override', { params: { path: { id } }, body })),
    onSuccess: done,
    meta: { silent: true },
  });
}
