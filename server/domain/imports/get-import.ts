import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { importChangePage, importIssuePage, ImportView } from '../../../common/schemas/imports.js';
import { findChangePage, findImport, findImportsOf, findIssuePage, type ImportRow } from '../../db/repositories/imports.repository.js';
import { notFound } from '../errors.js';
import type { Actor } from '../access/actor.js';
import { importActions, seesAllImports } from './imports.policy.js';

/** The import as the API shows it, with the progress of its current job and what the user may do. */
export function presentImport(actor: Actor, i: ImportRow): ImportView {
  return {
    id: i.id,
    fileName: i.fileName,
    fileSize: i.fileSize,
    state: i.state,
    createdAt: new Date(i.createdAt).toISOString(),
    committedAt: i.committedAt ? new Date(i.committedAt).toISOString() : null,
    job: i.jobId ? { id: i.jobId, status: i.jobStatus ?? 'queued', done: i.progressDone ?? 0, total: i.progressTotal ?? null } : null,
    summary: i.summary ?? null,
    issueCount: i.issueCount,
    errorCount: i.errorCount,
    issueStats: i.issueStats ?? null,
    error: i.error,
    allowedActions: importActions(actor, i),
  };
}

/** Loads an import the actor may see, or answers 404 (another user's import is not found). */
export async function loadImport(ctx: UseCaseContext, id: string, forUpdate = false) {
  const i = await findImport(ctx.tx, id, ctx.actor.userId, seesAllImports(ctx.actor), forUpdate);
  if (!i) throw notFound('Lần nhập dữ liệu');
  return i;
}

export async function getImport(ctx: UseCaseContext, id: string): Promise<ImportView> {
  return presentImport(ctx.actor, await loadImport(ctx, id));
}

export async function listMyImports(ctx: UseCaseContext): Promise<ImportView[]> {
  return (await findImportsOf(ctx.tx, ctx.actor.userId, 50)).map((i) => presentImport(ctx.actor, i));
}

/** One page of the problems found (the first 10,000 are kept; `issueStats` counts all of them). */
export async function listImportIssues(
  ctx: UseCaseContext,
  id: string,
  page: number,
  pageSize: number,
  severity?: 'error' | 'warning',
): Promise<z.infer<typeof importIssuePage>> {
  const i = await loadImport(ctx, id);
  const items = await findIssuePage(ctx.tx, i.id, pageSize, (page - 1) * pageSize, severity);
  return { items: items.map(({ seq: _s, ...x }) => x), total: i.issueCount, stored: Math.min(i.issueCount, 10_000), page, pageSize };
}

/** One page of what the commit would change (created rows and changed fields before → after). */
export async function listImportChanges(ctx: UseCaseContext, id: string, page: number, pageSize: number): Promise<z.infer<typeof importChangePage>> {
  const i = await loadImport(ctx, id);
  const items = await findChangePage(ctx.tx, i.id, pageSize, (page - 1) * pageSize);
  return { items, page, pageSize };
}
