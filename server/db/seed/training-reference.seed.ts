import type pg from 'pg';
import { DECREE_171_2025, DECREE_171_EFFECTIVE_FROM } from '../../../common/training.js';

/** The numbers of the training rules (Decree 171/2025/NĐ-CP) by effective date. Idempotent. */
export async function seedTrainingReference(client: pg.PoolClient): Promise<void> {
  await client.query(`INSERT INTO training_regulations (effective_from, params, instrument) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    DECREE_171_EFFECTIVE_FROM,
    JSON.stringify(DECREE_171_2025),
    DECREE_171_2025.instrument,
  ]);
}
