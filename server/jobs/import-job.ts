import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../db/schema/index.js';
import type { Database, Tx } from '../db/client.js';
import type { JobRow } from '../db/repositories/jobs.repository.js';
import {
  deleteImportFile,
  findImportById,
  findUserWithGrants,
  readImportFile,
  saveValidation,
  setImportState,
} from '../db/repositories/imports.repository.js';
import type { Actor } from '../domain/access/actor.js';
import { ImportCancelled, processImport, type ImportMode, type ImportOutcome } from '../domain/imports/process-import.js';
import type { JobContext, JobHandler, JobOutcome } from './worker.js';

export const IMPORT_JOB_KINDS = { validate: 'import_validate', commit: 'import_commit' } as const;

/** Test hook: runs after the rows are written and before the audit rows and COMMIT. */
export const importTestHooks: { afterApply?: () => Promise<void> } = {};

function resultOf(o: ImportOutcome) {
  return { summary: o.summary, errors: o.issues.errors, warnings: o.issues.warnings, fileError: o.fileError };
}

/**
 * Runs one import job: the whole file in one transaction on one connection. A dry run always rolls back; a
 * commit commits only when every row passed, together with the import's new state and the audit rows.
 */
function importJob(database: Database, mode: ImportMode): JobHandler {
  return async (job: JobRow, jobCtx: JobContext): Promise<JobOutcome> => {
    const importId = String(job.payload.importId);
    const imp = await findImportById(database.db, importId);
    if (!imp) return { status: 'failed', error: 'Không tìm thấy lần nhập dữ liệu' };
    if (mode === 'commit' && imp.state === 'committed') return { status: 'succeeded', result: { alreadyCommitted: true } };
    const user = await findUserWithGrants(database.db, imp.createdBy);
    const content = await readImportFile(database.db, importId);
    if (!user || !content) {
      const error = !user ? 'Tài khoản người nhập không còn hoạt động' : 'Tệp tải lên đã hết hạn. Vui lòng tải lên lại.';
      await setImportState(database.db, importId, 'failed', { error });
      return { status: 'failed', error };
    }
    const actor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, personId: user.personId, grants: user.grants as Actor['grants'] };

    const client = await database.pool.connect();
    let broken: Error | undefined;
    // a connection killed mid-transaction reports here; the failing query then rejects and rolls back
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const tx = drizzle(client, { schema }) as unknown as Tx;
      let outcome: ImportOutcome;
      try {
        outcome = await processImport({ actor, tx, client, requestId: `job:${job.id}` }, { id: importId, fileName: imp.fileName, content }, mode, {
          progress: async (done, total) => void (await jobCtx.progress(done, total)),
          checkCancelled: async () => {
            if (await jobCtx.isCancelRequested()) throw new ImportCancelled();
          },
          afterApply: importTestHooks.afterApply,
        });
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        if (err instanceof ImportCancelled) {
          // a cancelled commit leaves the checked file ready to commit later; a cancelled dry run ends
          await setImportState(database.db, importId, mode === 'commit' ? 'validated' : 'cancelled', { error: err.message });
          return { status: 'cancelled', error: err.message };
        }
        throw err;
      }
      const hasErrors = outcome.issues.errors > 0;
      const state = outcome.applied ? 'committed' : hasErrors ? 'invalid' : 'validated';
      const saved = {
        state,
        summary: outcome.summary,
        issueCount: outcome.issues.errors + outcome.issues.warnings,
        errorCount: outcome.issues.errors,
        issueStats: outcome.issues.stats(),
        error: outcome.fileError,
      } as const;
      if (outcome.applied) {
        await saveValidation(client, importId, saved, outcome.issues.kept, outcome.changes);
        await client.query('UPDATE imports SET committed_at = now() WHERE id = $1', [importId]);
        await deleteImportFile(tx, importId);
        await client.query('COMMIT');
      } else {
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        await saveValidation(client, importId, saved, outcome.issues.kept, outcome.changes);
        await client.query('COMMIT');
      }
      return { status: 'succeeded', result: resultOf(outcome) };
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      broken ??= err as Error;
      await setImportState(database.db, importId, mode === 'commit' ? 'failed' : 'failed', {
        error: 'Đã có lỗi khi xử lý tệp; dữ liệu chưa bị thay đổi. Vui lòng thử lại hoặc báo cho quản trị viên.',
      });
      throw err;
    } finally {
      // a connection that failed mid-transaction (e.g. terminated) is not returned to the pool
      client.off('error', onError);
      client.release(broken);
    }
  };
}

export function importJobHandlers(database: Database): Record<string, JobHandler> {
  return { [IMPORT_JOB_KINDS.validate]: importJob(database, 'validate'), [IMPORT_JOB_KINDS.commit]: importJob(database, 'commit') };
}
