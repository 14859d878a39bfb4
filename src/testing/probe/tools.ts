/** The probe tests' tools: the shared helpers of src/testing/tools.ts. */
export * from '../tools.js';
