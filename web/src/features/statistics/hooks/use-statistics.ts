import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { StatisticsQuery } from '../../../api/types';

/** The report's figures for a period, a unit and a category (the server computes them by the report's own code). */
export const useStatistics = (q: StatisticsQuery | null) =>
  useQuery({
    queryKey: ['statistics', q],
    enabled: q !== null,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/statistics', { params: { query: q! } })),
  });

/** One page of the rows a figure counts, for the same period, unit and category. */
export const useFigureRows = (key: string, q: StatisticsQuery | null, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['figure-rows', key, q, page, pageSize],
    enabled: q !== null,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/reports/figures/{key}/rows', { params: { path: { key }, query: { ...q!, page, pageSize } } })),
  });
