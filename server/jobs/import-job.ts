import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../db/schema/index.js';
import type { Database, Tx } from '../db/client.js';
import type { JobRow } from '../db/repositories/jobs.repository.js';
import { deleteImportFile, findImportById, findUserWithGrants, readImportFile, saveValidation, setImportState } from '../db/repositories/imports.repository.js';
import type { Actor } from '../domain/access/actor.js';
import { vietnamToday } from '../../common/dates.js';
import { deleteStagedRows, StagedChunkSink } from '../db/repositories/import-staged-rows.repository.js';
import type { XlsxInspection } from '../documents/inspect-xlsx.js';
import { ImportCancelled, processImport, type ImportMode, type ImportOutcome } from '../domain/imports/process-import.js';
import type { JobContext, JobHandler, JobOutcome } from './worker.js';

export const IMPORT_JOB_KINDS = { validate: 'import_validate', commit: 'import_commit' } as const;

/** Test hook: runs after the rows are written and before the audit rows and COMMIT. */
export const importTestHooks: { afterApply?: () => Promise<void> } = {};

function resultOf(o: ImportOutcome) {
  return { summary: o.summary, errors: o.issues.errors, warnings: o.issues.warnings, fileError: o.fileError, reusedCheckedRows: o.reusedStaging };
}

/**
 * Runs one import job: the whole file in one transaction on one connection. A dry run always rolls back (the
 * rows it checked are kept, with its result, by a second connection when every row passed); a commit commits
 * only when every row passed, together with the import's new state and the audit rows.
 */
function importJob(database: Database, mode: ImportMode): JobHandler {
  return async (job: JobRow, jobCtx: JobContext): Promise<JobOutcome> => {
    const importId = String(job.payload.importId);
    const imp = await findImportById(database.db, importId);
    if (!imp) return { status: 'failed', error: 'Không tìm thấy lần nhập dữ liệu' };
    if (mode === 'commit' && imp.state === 'committed') return { status: 'succeeded', result: { alreadyCommitted: true } };
    const today = vietnamToday(); // once per job: the checks, the reach and the staged rows agree on one day
    const user = await findUserWithGrants(database.db, imp.createdBy, today);
    const file = await readImportFile(database.db, importId);
    if (!user || !file) {
      const error = !user ? 'Tài khoản người nhập không còn hoạt động' : 'Tệp tải lên đã hết hạn. Vui lòng tải lên lại.';
      await setImportState(database.db, importId, 'failed', { error });
      return { status: 'failed', error };
    }
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      grants: user.grants as Actor['grants'],
    };

    const client = await database.pool.connect();
    // a dry run keeps the rows it checked on a second connection, whose transaction commits them with the dry
    // run's result only when there is no error; the dry run's own transaction always rolls back
    const keeper = mode === 'validate' ? await database.pool.connect() : null;
    const sink = keeper ? new StagedChunkSink(keeper, importId) : undefined;
    let broken: Error | undefined;
    let keeperBroken: Error | undefined;
    // a connection killed mid-transaction reports here; the failing query then rejects and rolls back
    const onError = (err: Error) => (broken = err);
    const onKeeperError = (err: Error) => (keeperBroken = err);
    client.on('error', onError);
    keeper?.on('error', onKeeperError);
    const rollbackKeeper = async () => {
      if (!keeper || !sink) return;
      await sink.drop();
      await keeper.query('ROLLBACK').catch((e: Error) => (keeperBroken = e));
    };
    try {
      await client.query('BEGIN');
      await sink?.begin();
      const tx: Tx = drizzle(client, { schema });
      let outcome: ImportOutcome;
      try {
        outcome = await processImport(
          { actor, tx, client, requestId: `job:${job.id}`, today },
          { id: importId, fileName: imp.fileName, content: file.content, inspection: file.inspection as XlsxInspection | null },
          mode,
          {
            progress: async (done, total) => void (await jobCtx.progress(done, total)),
            checkCancelled: async () => {
              if (await jobCtx.isCancelRequested()) throw new ImportCancelled();
            },
            afterApply: importTestHooks.afterApply,
            keep: sink,
          },
        );
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        await rollbackKeeper();
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
        if (keeper && sink && outcome.staging) {
          await sink.finish(outcome.staging.fingerprint, outcome.staging.manifest);
          await saveValidation(keeper, importId, saved, outcome.issues.kept, outcome.changes);
          await keeper.query('COMMIT');
        } else {
          await rollbackKeeper();
          await client.query('BEGIN');
          await saveValidation(client, importId, saved, outcome.issues.kept, outcome.changes);
          // a commit refused by the checks (the data changed since the dry run): the kept rows are of no more use
          if (mode === 'commit') await deleteStagedRows(client, importId);
          await client.query('COMMIT');
        }
      }
      return { status: 'succeeded', result: resultOf(outcome) };
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      await rollbackKeeper();
      broken ??= err as Error;
      await setImportState(database.db, importId, 'failed', {
        error: 'Đã có lỗi khi xử lý tệp; dữ liệu chưa bị thay đổi. Vui lòng thử lại hoặc báo cho quản trị viên.',
      });
      throw err;
    } finally {
      // a connection that failed mid-transaction (e.g. terminated) is not returned to the pool
      client.off('error', onError);
      client.release(broken);
      keeper?.off('error', onKeeperError);
      keeper?.release(keeperBroken);
    }
  };
}

export function importJobHandlers(database: Database): Record<string, JobHandler> {
  return { [IMPORT_JOB_KINDS.validate]: importJob(database, 'validate'), [IMPORT_JOB_KINDS.commit]: importJob(database, 'commit') };
}
