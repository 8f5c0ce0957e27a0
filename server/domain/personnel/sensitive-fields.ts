import type { PersonField } from '../../db/repositories/personnel.repository.js';

/** Columns of a person that are sensitive personal data (Law 91/2025/QH15): ethnicity, religion, health, Party. */
export const SENSITIVE_PERSON_FIELDS: PersonField[] = ['ethnicCode', 'religion', 'healthStatus', 'healthCheckedOn', 'partyJoinedOn', 'partyOfficialOn'];
