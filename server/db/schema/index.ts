export * from './org.js';
export * from './reference.js';
export * from './plans.js';
export * from './personnel.js';
export * from './access.js';
export * from './audit.js';
export * from './secondment.js';
export * from './jobs.js';
