// Temporary forwarder while branches merge: the date helpers live in common/dates.ts.
export * from '../../../common/dates.js';
