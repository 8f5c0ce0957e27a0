import { describe, expect, it } from 'vitest';
import { checkPersonConsistency } from './update-cadre.js';

const TODAY = '2026-12-02';

describe('checkPersonConsistency', () => {
  it('accepts a consistent record', () => {
    expect(
      checkPersonConsistency({ birthDate: '1985-01-01', recruitedOn: '2008-09-01', partyJoinedOn: '2010-05-19', partyOfficialOn: '2011-05-19' }, TODAY),
    ).toEqual([]);
  });
  it('names each inconsistency with its field', () => {
    const issues = checkPersonConsistency({ birthDate: '1985-01-01', recruitedOn: '1980-01-01', partyOfficialOn: '2011-05-19' }, TODAY);
    expect(issues.map((i) => i.path).sort()).toEqual(['partyOfficialOn', 'recruitedOn']);
    expect(issues.every((i) => /[ạảãàáâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/i.test(i.message))).toBe(true);
  });
  it('refuses an official Party date before joining and a birth date giving an implausible age', () => {
    expect(checkPersonConsistency({ partyJoinedOn: '2012-01-01', partyOfficialOn: '2011-01-01' }, TODAY).map((i) => i.path)).toEqual(['partyOfficialOn']);
    expect(checkPersonConsistency({ birthDate: '2015-01-01' }, TODAY).map((i) => i.path)).toEqual(['birthDate']);
  });
});
